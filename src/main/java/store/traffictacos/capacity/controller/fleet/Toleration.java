package store.traffictacos.capacity.controller.fleet;

/** A Kubernetes toleration, so runners may run on the tainted load-test nodes. */
public record Toleration(String key, String operator, String value, String effect) {

    /** Tolerates the taint {@code key=value:effect}. */
    public static Toleration equal(String key, String value, String effect) {
        return new Toleration(key, "Equal", value, effect);
    }
}
