package store.traffictacos.capacity.controller.scale;

import java.util.Objects;

/**
 * One object a capacity run pre-scales, and what to scale it to. An HPA gets a higher floor (and,
 * optionally, another ceiling) so the autoscaler keeps working during the run; a Deployment that no
 * HPA scales gets a fixed replica count.
 *
 * @param minReplicas HPA only: the floor during the run, at least 1 (the API refuses 0 by default)
 * @param maxReplicas HPA only, optional: the ceiling during the run; null keeps the HPA's own
 * @param replicas    Deployment only: the replica count during the run
 */
public record ScaleTarget(
        Kind kind, String namespace, String name, Integer minReplicas, Integer maxReplicas, Integer replicas) {

    public enum Kind {
        HPA("hpa"),
        DEPLOYMENT("deployment");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How messages name the kind, e.g. {@code hpa}. */
        public String label() {
            return label;
        }
    }

    public ScaleTarget {
        Objects.requireNonNull(kind, "kind");
        if (namespace == null || namespace.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException(
                    "a scale target needs a namespace and a name, got " + namespace + "/" + name);
        }
        String target = kind.label() + " " + namespace + "/" + name;
        switch (kind) {
            case HPA -> requireHpaValues(target, minReplicas, maxReplicas, replicas);
            case DEPLOYMENT -> requireDeploymentValues(target, minReplicas, maxReplicas, replicas);
        }
    }

    public static ScaleTarget hpa(String namespace, String name, int minReplicas) {
        return new ScaleTarget(Kind.HPA, namespace, name, minReplicas, null, null);
    }

    public static ScaleTarget hpa(String namespace, String name, int minReplicas, int maxReplicas) {
        return new ScaleTarget(Kind.HPA, namespace, name, minReplicas, maxReplicas, null);
    }

    public static ScaleTarget deployment(String namespace, String name, int replicas) {
        return new ScaleTarget(Kind.DEPLOYMENT, namespace, name, null, null, replicas);
    }

    /** How messages name this target, e.g. {@code hpa tacos-app/ticket-api}. */
    public String describe() {
        return kind.label() + " " + namespace + "/" + name;
    }

    private static void requireHpaValues(String target, Integer minReplicas, Integer maxReplicas, Integer replicas) {
        if (replicas != null) {
            throw new IllegalArgumentException(target + " takes minReplicas and maxReplicas, not replicas");
        }
        if (minReplicas == null) {
            throw new IllegalArgumentException(target + " needs minReplicas");
        }
        if (minReplicas < 1) {
            throw new IllegalArgumentException(target + ": minReplicas must be at least 1, was " + minReplicas);
        }
        if (maxReplicas != null && minReplicas > maxReplicas) {
            throw new IllegalArgumentException(
                    target + ": minReplicas " + minReplicas + " is above maxReplicas " + maxReplicas);
        }
    }

    private static void requireDeploymentValues(
            String target, Integer minReplicas, Integer maxReplicas, Integer replicas) {
        if (minReplicas != null || maxReplicas != null) {
            throw new IllegalArgumentException(target + " takes replicas, not minReplicas or maxReplicas");
        }
        if (replicas == null) {
            throw new IllegalArgumentException(target + " needs replicas");
        }
        if (replicas < 0) {
            throw new IllegalArgumentException(target + ": replicas must not be negative, was " + replicas);
        }
    }
}
