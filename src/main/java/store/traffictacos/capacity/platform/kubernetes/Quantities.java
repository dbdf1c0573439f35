package store.traffictacos.capacity.platform.kubernetes;

import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;

/** Kubernetes quantities as plain numbers: cpu in cores ({@code 250m} = 0.25), memory in bytes ({@code 1Ki} = 1024). */
final class Quantities {
    private Quantities() {}

    static double cores(Quantity quantity) {
        return quantity.getNumericalAmount().doubleValue();
    }

    static double bytes(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity).doubleValue();
    }

    /** The {@code resource} of a map such as {@code status.capacity} or {@code resources.requests}; 0 when absent. */
    static double cores(Map<String, Quantity> resources, String resource) {
        Quantity quantity = resources == null ? null : resources.get(resource);
        return quantity == null ? 0 : cores(quantity);
    }

    static double bytes(Map<String, Quantity> resources, String resource) {
        Quantity quantity = resources == null ? null : resources.get(resource);
        return quantity == null ? 0 : bytes(quantity);
    }

    /**
     * A quantity read from an untyped resource: YAML lets {@code cpu: 1000} arrive as a number and
     * {@code cpu: "1000m"} as a string.
     */
    static double cores(Object raw) {
        return cores(new Quantity(String.valueOf(raw)));
    }
}
