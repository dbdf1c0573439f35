package store.traffictacos.capacity.emulator.queue;

/**
 * The waiting room's rules as data (the contract's numbers are {@link #contract()}).
 *
 * @param eligibleRanks only ranks 1..eligibleRanks may be ready for entry
 * @param bypassRanks ranks 1..bypassRanks enter without an admission token
 * @param tier1Ranks ranks up to this wait {@code tier1WaitMs}; up to {@code tier2Ranks} wait
 *     {@code tier2WaitMs}; the rest of the eligible ranks wait {@code tier3WaitMs}
 * @param bucketCapacity per-event admission bucket size (starts full)
 * @param bucketRefillPerSecond admission tokens added per second
 * @param heartbeatMs a waiting user who has not polled for this long is dropped
 * @param ticketLifetimeMs a waiting token's lifetime from join
 * @param reservationTokenTtlMs lifetime of the reservation token issued by enter
 * @param admissionWindowMs window over which "recent admissions per second" is measured for eta
 */
public record AdmissionPolicy(
        int eligibleRanks,
        int bypassRanks,
        int tier1Ranks,
        long tier1WaitMs,
        int tier2Ranks,
        long tier2WaitMs,
        long tier3WaitMs,
        int bucketCapacity,
        double bucketRefillPerSecond,
        long heartbeatMs,
        long ticketLifetimeMs,
        long reservationTokenTtlMs,
        long admissionWindowMs) {

    public static AdmissionPolicy contract() {
        return new AdmissionPolicy(100, 10, 10, 0, 50, 2_000, 5_000, 500, 50.0, 300_000, 1_800_000, 30_000, 10_000);
    }

    /** How a waiting user at {@code position}, waiting {@code waitedMs}, may enter. */
    public Readiness readiness(long position, long waitedMs) {
        if (position < 1 || position > eligibleRanks || waitedMs < minimumWaitMs(position)) {
            return Readiness.NOT_READY;
        }
        return position <= bypassRanks ? Readiness.DIRECT : Readiness.NEEDS_ADMISSION_TOKEN;
    }

    long minimumWaitMs(long position) {
        if (position <= tier1Ranks) {
            return tier1WaitMs;
        }
        return position <= tier2Ranks ? tier2WaitMs : tier3WaitMs;
    }

    public enum Readiness {
        NOT_READY,
        DIRECT,
        NEEDS_ADMISSION_TOKEN
    }
}
