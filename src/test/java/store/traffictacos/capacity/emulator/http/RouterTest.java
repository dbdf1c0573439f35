package store.traffictacos.capacity.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Router")
class RouterTest {
    private static final Route.Handler OK = (request, user) -> ApiResponse.json(200, "ok");
    private final Router router = new Router(List.of(
            Route.publicApi("POST", "/api/v1/reservations", OK),
            Route.authenticated("GET", "/api/v1/reservations/{id}", OK),
            Route.authenticated("POST", "/api/v1/reservations/{id}/confirm", OK)));

    @Test
    @DisplayName("a literal path matches its method")
    void literal() {
        assertThat(router.match("POST", "/api/v1/reservations")).isInstanceOf(Router.Match.Found.class);
    }

    @Test
    @DisplayName("a pattern binds its {name} segments")
    void pattern() {
        // When
        Router.Match match = router.match("POST", "/api/v1/reservations/r-1/confirm");

        // Then
        assertThat(match).isInstanceOfSatisfying(Router.Match.Found.class, found -> {
            assertThat(found.route().pattern()).isEqualTo("/api/v1/reservations/{id}/confirm");
            assertThat(found.pathParams()).containsEntry("id", "r-1");
        });
    }

    @Test
    @DisplayName("a known path with another method is 'method not allowed', anything else 'not found'")
    void misses() {
        assertThat(router.match("DELETE", "/api/v1/reservations/r-1"))
                .isInstanceOf(Router.Match.MethodNotAllowed.class);
        assertThat(router.match("GET", "/api/v1/reservations")).isInstanceOf(Router.Match.MethodNotAllowed.class);
        assertThat(router.match("GET", "/api/v1/reservations//confirm")).isInstanceOf(Router.Match.NotFound.class);
        assertThat(router.match("GET", "/nope")).isInstanceOf(Router.Match.NotFound.class);
    }
}
