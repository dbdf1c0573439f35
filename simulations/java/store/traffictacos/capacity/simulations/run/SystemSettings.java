package store.traffictacos.capacity.simulations.run;

import java.util.HashMap;
import java.util.Map;

/** The JVM's system properties as a plain map: the one place the simulations read them. */
final class SystemSettings {
    private SystemSettings() {}

    static Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().forEach((key, value) -> properties.put(key.toString(), value.toString()));
        return properties;
    }
}
