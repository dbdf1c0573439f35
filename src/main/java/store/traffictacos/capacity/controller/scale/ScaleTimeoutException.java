package store.traffictacos.capacity.controller.scale;

/** The scaled platform was not ready in time; the one-line message names what lagged and by how much. */
public class ScaleTimeoutException extends RuntimeException {
    public ScaleTimeoutException(String message) {
        super(message);
    }
}
