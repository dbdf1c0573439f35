package store.traffictacos.capacity.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Uris")
class UrisTest {
    @Test
    @DisplayName("an http(s) URL with a host is taken as it is")
    void httpTaken() {
        assertThat(Uris.http(" https://api.example:8443/x ")).isEqualTo(URI.create("https://api.example:8443/x"));
    }

    @Test
    @DisplayName("a URL that is not http(s) is refused, and its password is not echoed")
    void httpRefusedWithoutSecret() {
        assertThatThrownBy(() -> Uris.http("ftp://admin:PASS@host/"))
                .hasMessage("must be an http(s) URL such as http://host:port, got 'ftp://host/'");
        assertThatThrownBy(() -> Uris.http("localhost:8080")).hasMessageStartingWith("must be an http(s) URL");
    }

    @Test
    @DisplayName("a Redis URI must be redis:// or rediss:// with a host")
    void redis() {
        assertThat(Uris.redis("rediss://cache:6380/2")).hasHost("cache");
        assertThatThrownBy(() -> Uris.redis("http://:PASS@cache"))
                .hasMessage("must look like redis://host:port, got 'http://cache'");
    }

    @Test
    @DisplayName("redaction drops user info, query and fragment of a URI")
    void redactUri() {
        assertThat(Uris.redact(URI.create("redis://user:PASS@cache:6379/0?x=1#f")))
                .isEqualTo(URI.create("redis://cache:6379/0"));
    }

    @Test
    @DisplayName("redaction of free text removes the user info of every URL in it")
    void redactText() {
        assertThat(Uris.redact("cannot reach http://admin:PASS@a:1/x and redis://:s3cret@b:2"))
                .isEqualTo("cannot reach http://a:1/x and redis://b:2");
    }
}
