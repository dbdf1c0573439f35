package store.traffictacos.capacity.controller;

/**
 * Where a run is. A run only moves forward through these, in this order. Once one of the stages up to
 * {@link #MONITOR} fails, the run still goes through the wind-down stages from {@link #COLLECT} on (as
 * far as they apply: nothing to restore if nothing was scaled), and ends {@link #FAILED} with the
 * first failure's reason.
 */
public enum Stage {
    PENDING,
    VALIDATE,
    SCALE,
    LAUNCH,
    BARRIER,
    START,
    MONITOR,
    COLLECT,
    RESTORE,
    /** The platform's test data deleted (when the run asks for it), whatever happened before. */
    FLUSH,
    REPORT,
    CLEAN_UP,
    DONE,
    FAILED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
