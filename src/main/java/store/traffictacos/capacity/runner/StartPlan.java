package store.traffictacos.capacity.runner;

import java.util.Map;

/**
 * When a runner's measured load begins: at a given instant ({@code -Dstart.at}, epoch ms, the same on
 * every runner), once a start signal gives the instant (a controlled runner says it is ready, then
 * waits), or soon (a lone {@code mvn gatling:test}).
 *
 * @param atEpochMs the instant; null unless given
 * @param signal {@code file:<path>} or {@code configmap} (see {@link StartInstant#parse}); null unless given
 */
public record StartPlan(Long atEpochMs, String signal) {
    private static final String AT = "start.at";
    private static final String SIGNAL = "start.signal";

    public static final StartPlan SOON = new StartPlan(null, null);

    public StartPlan {
        if (atEpochMs != null && signal != null) {
            throw new IllegalArgumentException("give -D" + AT + " or -D" + SIGNAL + ", not both");
        }
        if (signal != null) {
            RunnerSettings.named(SIGNAL, () -> StartInstant.parse(signal));
        }
    }

    public static StartPlan at(long epochMs) {
        return new StartPlan(epochMs, null);
    }

    public static StartPlan signal(String signal) {
        return new StartPlan(null, signal);
    }

    /** Where the start instant comes from, for a runner that waits for one; null otherwise. */
    public StartInstant startInstant() {
        return signal == null ? null : StartInstant.parse(signal);
    }

    static StartPlan fromProperties(Map<String, String> properties) {
        String at = RunnerSettings.blankToNull(properties.get(AT));
        String signal = RunnerSettings.blankToNull(properties.get(SIGNAL));
        return new StartPlan(
                at == null ? null : RunnerSettings.longValue(AT, at), signal == null ? null : signal.strip());
    }

    Map<String, String> toProperties() {
        if (atEpochMs != null) {
            return Map.of(AT, Long.toString(atEpochMs));
        }
        return signal != null ? Map.of(SIGNAL, signal) : Map.of();
    }
}
