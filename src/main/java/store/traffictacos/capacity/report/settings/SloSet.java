package store.traffictacos.capacity.report.settings;

import java.util.List;

/**
 * The SLOs a run is judged against, as data (a YAML file; defaults from the team's runbooks).
 *
 * @param settleSeconds seconds at each phase start left out of the verdict
 * @param generatorBehindRatio a second whose sent requests fall below this share of the scheduled
 *     ones is the generator's fault, not the platform's
 */
public record SloSet(List<Slo> slos, long settleSeconds, double generatorBehindRatio) {

    /** One objective: {@code metric < threshold}. */
    public record Slo(String name, Metric metric, double threshold) {}

    public enum Metric {
        P50_MS("p50_ms"),
        P95_MS("p95_ms"),
        P99_MS("p99_ms"),
        MAX_MS("max_ms"),
        ERROR_RATE("error_rate");

        private final String key;

        Metric(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** p99 < 100 ms, p95 < 500 ms, errors < 1 %, 5 s settle, behind below 97 % of schedule. */
    public static SloSet defaults() {
        return new SloSet(
                List.of(
                        new Slo("p99 latency", Metric.P99_MS, 100),
                        new Slo("p95 latency", Metric.P95_MS, 500),
                        new Slo("error rate", Metric.ERROR_RATE, 0.01)),
                5,
                0.97);
    }
}
