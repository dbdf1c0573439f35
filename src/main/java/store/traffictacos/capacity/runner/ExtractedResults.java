package store.traffictacos.capacity.runner;

/**
 * What {@link ResultsLog#extract} found in a runner's log.
 *
 * @param status      whether the results were extracted
 * @param runnerIndex the index the block names, or -1 when there was no readable block
 * @param problem     why not, in a few words; null when {@link Status#OK}
 */
public record ExtractedResults(Status status, int runnerIndex, String problem) {

    public enum Status {
        /** The block was complete and its checksum matched; its files were written. */
        OK,
        /** No block at all: the runner died (or was killed) before printing its results. */
        MISSING,
        /** A block that was cut off or does not match its checksum; nothing was written. */
        CORRUPT
    }

    static ExtractedResults ok(int runnerIndex) {
        return new ExtractedResults(Status.OK, runnerIndex, null);
    }

    static ExtractedResults missing(String problem) {
        return new ExtractedResults(Status.MISSING, -1, problem);
    }

    static ExtractedResults corrupt(int runnerIndex, String problem) {
        return new ExtractedResults(Status.CORRUPT, runnerIndex, problem);
    }
}
