package store.traffictacos.capacity.emulator.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the route for a method and path; literal paths are a map lookup, patterns a short scan. */
public final class Router {
    private final Map<String, Route> literal = new HashMap<>();
    private final List<Route> patterned = new ArrayList<>();

    public Router(List<Route> routes) {
        for (Route route : routes) {
            if (route.pattern().contains("{")) {
                patterned.add(route);
            } else {
                literal.put(route.method() + ' ' + route.pattern(), route);
            }
        }
    }

    /** The outcome of routing: a route with its path parameters, or why none matched. */
    public sealed interface Match {
        record Found(Route route, Map<String, String> pathParams) implements Match {}

        record MethodNotAllowed() implements Match {}

        record NotFound() implements Match {}
    }

    public Match match(String method, String path) {
        Route exact = literal.get(method + ' ' + path);
        if (exact != null) {
            return new Match.Found(exact, Map.of());
        }
        boolean pathKnown = false;
        String[] segments = split(path);
        for (Route route : patterned) {
            Optional<Map<String, String>> params = bind(split(route.pattern()), segments);
            if (params.isPresent()) {
                if (route.method().equals(method)) {
                    return new Match.Found(route, params.get());
                }
                pathKnown = true;
            }
        }
        if (pathKnown || literal.keySet().stream().anyMatch(key -> key.endsWith(' ' + path))) {
            return new Match.MethodNotAllowed();
        }
        return new Match.NotFound();
    }

    private static Optional<Map<String, String>> bind(String[] pattern, String[] segments) {
        if (pattern.length != segments.length) {
            return Optional.empty();
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String expected = pattern[i];
            if (expected.startsWith("{") && expected.endsWith("}")) {
                if (segments[i].isEmpty()) {
                    return Optional.empty();
                }
                params.put(expected.substring(1, expected.length() - 1), segments[i]);
            } else if (!expected.equals(segments[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    private static String[] split(String path) {
        return path.split("/", -1);
    }
}
