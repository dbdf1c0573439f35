package store.traffictacos.capacity.platform.cloudwatch;

import java.io.IOException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import store.traffictacos.capacity.net.ConnectionFailures;

/** One-line reasons for failed CloudWatch calls, e.g. {@code throttled: Rate exceeded}. */
final class CloudWatchFailures {
    private CloudWatchFailures() {}

    /** What went wrong, as a user reads it; the SDK's retries are already spent. */
    static String reason(RuntimeException error) {
        if (error instanceof AwsServiceException service) {
            String message = serviceMessage(service);
            if (service.isThrottlingException()) {
                return "throttled: " + message;
            }
            if (service.statusCode() == 403) {
                return "access denied: " + message;
            }
            return errorCode(service) + ": " + message;
        }
        String cause = oneLine(ConnectionFailures.reason(error));
        return hasIoCause(error) ? "unreachable: " + cause : cause;
    }

    /** The service's own message, without the SDK's "(Service: ..., Request ID: ...)" suffix. */
    private static String serviceMessage(AwsServiceException service) {
        AwsErrorDetails details = service.awsErrorDetails();
        String message = details == null ? null : details.errorMessage();
        return message == null || message.isBlank() ? "HTTP " + service.statusCode() : oneLine(message);
    }

    private static String errorCode(AwsServiceException service) {
        AwsErrorDetails details = service.awsErrorDetails();
        return details == null || details.errorCode() == null ? "HTTP " + service.statusCode() : details.errorCode();
    }

    private static boolean hasIoCause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
