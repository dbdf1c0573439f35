package store.traffictacos.capacity.simulations;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the simulation in this JVM, as `mvn gatling:test` would in a forked one. */
final class GatlingLauncher {
    private static final Pattern REQUEST_ROW = Pattern.compile(
            "class=\"ellipsed-name\">([^<]+)</span>.*?<td class=\"value total col-2\">(\\d+)</td>", Pattern.DOTALL);

    private GatlingLauncher() {}

    /** Sets {@code properties} as system properties for the run only, and returns Gatling's exit code. */
    static int run(Map<String, String> properties, Path resultsFolder, boolean reports) {
        Map<String, String> previous = new HashMap<>();
        properties.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
        // Gatling reads its configuration (TLS trust from -Dtls.*, gatling.conf) through Typesafe Config, which
        // keeps the system properties it saw first: an earlier run in this JVM must not decide this one's.
        com.typesafe.config.ConfigFactory.invalidateCaches();
        try {
            List<String> args = new ArrayList<>(
                    List.of("-s", TicketingSimulation.class.getName(), "-rf", resultsFolder.toString()));
            if (!reports) {
                args.add("-nr");
            }
            return io.gatling.app.Gatling$.MODULE$.fromArgs(args.toArray(String[]::new));
        } finally {
            previous.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }

    /** Request counts per request name from the statistics table of Gatling's HTML report. */
    static Map<String, Long> requestCounts(String indexHtml) {
        Map<String, Long> counts = new HashMap<>();
        Matcher row = REQUEST_ROW.matcher(indexHtml);
        while (row.find()) {
            counts.put(row.group(1), Long.parseLong(row.group(2)));
        }
        return counts;
    }
}
