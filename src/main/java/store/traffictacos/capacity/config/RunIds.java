package store.traffictacos.capacity.config;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for run ids, whatever gives them ({@code --run-id}, {@code -Drun.id}, a run spec): a
 * run id names a folder under {@code reports/} and Kubernetes objects, so it cannot climb out of that
 * folder, nest one, or make an invalid object name.
 */
public final class RunIds {
    // Runner pods are named tacos-run-<runId>-<index>: a host name of at most 63 characters.
    private static final Pattern RUN_ID = Pattern.compile("[a-z0-9]([-a-z0-9]{0,46}[a-z0-9])?");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunIds() {}

    /** @throws IllegalArgumentException one line saying what a run id may hold */
    public static String check(@Nullable String runId) {
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("must be 1 to 48 lower-case letters, digits and '-', starting and "
                    + "ending with a letter or digit (it names Kubernetes objects), got '" + runId + "'");
        }
        return runId;
    }

    /** The default run id, {@code <prefix>-yyyyMMdd-HHmmss} of the given local time. */
    public static String stamped(String prefix, LocalDateTime now) {
        return prefix + "-" + now.format(STAMP);
    }
}
