package store.traffictacos.capacity.controller.fleet;

/** The runners did not all come up; the message is one line naming which did not and why. */
public final class BarrierException extends RuntimeException {

    public BarrierException(String message) {
        super(message);
    }
}
