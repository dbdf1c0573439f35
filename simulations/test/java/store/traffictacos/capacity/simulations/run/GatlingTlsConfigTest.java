package store.traffictacos.capacity.simulations.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.runner.RunnerSettings;

/** Gatling reads TLS trust from its configuration, before the simulation exists: gatling.conf takes the runner's keys. */
@DisplayName("gatling.conf: the runner's TLS settings reach Gatling")
class GatlingTlsConfigTest {

    /** Gatling's own chain: system properties over gatling.conf over its defaults, then resolved. */
    private static Config gatling(Map<String, String> systemProperties) {
        Properties properties = new Properties();
        properties.putAll(systemProperties);
        return ConfigFactory.parseProperties(properties)
                .withFallback(ConfigFactory.parseResources("gatling.conf"))
                .withFallback(ConfigFactory.parseResources("gatling-defaults.conf"))
                .resolve();
    }

    @Test
    @DisplayName("by default Gatling trusts only what the JVM trusts, not any certificate")
    void secureByDefault() {
        // When
        Config config = gatling(RunnerSettings.fromProperties(Map.of(), "tls-1").toProperties());

        // Then
        assertThat(config.getBoolean("gatling.ssl.useInsecureTrustManager")).isFalse();
        assertThat(config.getString("gatling.ssl.trustStore.file")).isEmpty();
    }

    @Test
    @DisplayName("a trust store and its password, as the runner's settings write them, are Gatling's trust store")
    void trustStore() {
        // Given
        Path store = Path.of("/tmp/trust.p12");

        // When
        Config config = gatling(RunnerSettings.fromProperties(
                        Map.of("tls.trust.store", store.toString(), "tls.trust.password", "changeit"), "tls-1")
                .toProperties());

        // Then
        assertThat(config.getString("gatling.ssl.trustStore.file")).isEqualTo(store.toString());
        assertThat(config.getString("gatling.ssl.trustStore.password")).isEqualTo("changeit");
        assertThat(config.getBoolean("gatling.ssl.useInsecureTrustManager")).isFalse();
    }

    @Test
    @DisplayName("-Dtls.insecure=true, and only that, makes Gatling trust any certificate")
    void insecureWhenAsked() {
        // When
        Config config = gatling(RunnerSettings.fromProperties(Map.of("tls.insecure", "true"), "tls-1")
                .toProperties());

        // Then
        assertThat(config.getBoolean("gatling.ssl.useInsecureTrustManager")).isTrue();
    }
}
