package store.traffictacos.capacity.controller.spec;

import static store.traffictacos.capacity.controller.spec.SpecValues.text;

import java.net.URI;
import store.traffictacos.capacity.config.Uris;
import store.traffictacos.capacity.controller.RunSpec.RedisSpec;

/**
 * The run spec's {@code platform.redis:} section. The password comes from an environment variable or
 * a Kubernetes Secret, never from the URI: the spec ends up in ConfigMaps and logs.
 */
public final class RedisFields {
    private URI uri;
    private String passwordEnv;
    private SecretRef passwordSecret;

    public void setUri(String uri) {
        URI parsed = Uris.redis(uri);
        if (parsed.getRawUserInfo() != null && parsed.getRawUserInfo().contains(":")) {
            throw new IllegalArgumentException("must not hold a password: use passwordEnv or passwordSecret");
        }
        this.uri = parsed;
    }

    public void setPasswordEnv(String passwordEnv) {
        this.passwordEnv = text(passwordEnv);
    }

    public void setPasswordSecret(SecretRef passwordSecret) {
        this.passwordSecret = passwordSecret;
    }

    RedisSpec toSpec() {
        if (uri == null) {
            throw new IllegalArgumentException("platform.redis: missing field 'uri'");
        }
        if (passwordEnv != null && passwordSecret != null) {
            throw new IllegalArgumentException("platform.redis: give passwordEnv or passwordSecret, not both");
        }
        return new RedisSpec(
                uri,
                passwordEnv,
                passwordSecret == null ? null : passwordSecret.name,
                passwordSecret == null ? null : passwordSecret.key);
    }

    /** {@code passwordSecret: {name, key}}: a Secret in the app namespace; the key defaults to "password". */
    public static final class SecretRef {
        private String name;
        private String key = "password";

        public void setName(String name) {
            this.name = text(name);
        }

        public void setKey(String key) {
            this.key = text(key);
        }
    }
}
