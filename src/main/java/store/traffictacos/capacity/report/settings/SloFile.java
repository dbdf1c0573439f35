package store.traffictacos.capacity.report.settings;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import store.traffictacos.capacity.config.TextFiles;
import store.traffictacos.capacity.report.settings.SloSet.Metric;
import store.traffictacos.capacity.report.settings.SloSet.Slo;
import store.traffictacos.capacity.yaml.YamlBinding;

/**
 * The SLOs a run is judged against, the regression rules against a baseline and the prices, from a
 * YAML file the user can change:
 *
 * <pre>
 * settleSeconds: 5             # optional; each missing key takes its SloSet.defaults() value
 * generatorBehindRatio: 0.97   # optional
 * settledRise: 0.1             # optional; a step whose p99 rose more than this from its first to its last third is not settled
 * slos:                        # optional; when given it replaces the default list
 *   - {name: p99 latency, metric: p99_ms, below: 100}
 *   - {name: error rate, metric: error_rate, below: 0.01}
 *   - {name: join failures, endpoint: join, metric: error_rate, below: 0.05}   # one endpoint's requests
 *   - {name: journeys completed, metric: journey_completion, above: 0.6}    # the phase's journeys; a share
 *                              # of journeys that got through stays above its threshold, all else below
 * regression:                  # optional; each missing key takes its RegressionRules.defaults() value
 *   p99IncreasePercent: 10     # a phase whose p99 grew more than 10 % regressed
 *   kneeDecreasePercent: 5     # the knee dropped more than 5 %
 *   errorRateIncrease: 0.005   # a phase's error rate grew more than this (absolute)
 * prices: {c7i.xlarge: 0.2}    # optional; on-demand USD/hour, overriding PriceTable.defaults() by type
 * resources:                   # optional; when given it replaces ResourceThreshold.defaults()
 *   - {name: pod CPU of request, source: kubernetes, series: "workload/*&#47;*&#47;cpu_pct_of_request", above: 80}
 * </pre>
 *
 * A {@code --prices} file holds just such a mapping of instance type to USD/hour, without the key.
 *
 * Every mistake is a one-line {@link IllegalArgumentException} naming the file, the line and the
 * field, e.g. {@code slo.yaml line 5: slos[1].metric: unknown metric 'p999'; valid: p50_ms, ...},
 * because the CLI prints it as the whole error.
 */
public final class SloFile {
    private static final String VALID_METRICS =
            Arrays.stream(Metric.values()).map(Metric::key).collect(Collectors.joining(", "));

    private static final YamlBinding YAML =
            new YamlBinding(new SimpleModule().addDeserializer(Metric.class, new MetricDeserializer()));

    private SloFile() {}

    /** The SLOs of an SLO file; see {@link #settings(Path)} for all it sets. */
    public static SloSet parse(Path file) {
        return settings(file).slos();
    }

    /** The SLOs of an SLO file's text; see {@link #settings(String, String)}. */
    public static SloSet parse(String yaml, String source) {
        return settings(yaml, source).slos();
    }

    /** The SLO file's settings, or the runbook's defaults when there is no file. */
    public static ReportSettings settingsOrDefaults(Path fileOrNull) {
        return fileOrNull == null ? ReportSettings.defaults() : settings(fileOrNull);
    }

    public static ReportSettings settings(Path file) {
        return settings(TextFiles.read(file, "SLO file"), file.toString());
    }

    /**
     * @param source how errors name the text, usually its file name
     * @throws IllegalArgumentException with a one-line message if the text is not a valid SLO file
     */
    public static ReportSettings settings(String yaml, String source) {
        SloFileJson file = YAML.bind(yaml, source, SloFileJson.class);
        if (file == null) {
            return ReportSettings.defaults();
        }
        try {
            return file.toSettings();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /** A {@code --prices} file: instance type to on-demand USD/hour, e.g. {@code c7i.xlarge: 0.2}. */
    public static Map<String, Double> parsePrices(Path file) {
        return parsePrices(TextFiles.read(file, "price file"), file.toString());
    }

    /** @throws IllegalArgumentException with a one-line message if the text is not such a mapping */
    public static Map<String, Double> parsePrices(String yaml, String source) {
        PricesJson prices = YAML.bind(yaml, source, PricesJson.class);
        return prices == null ? Map.of() : prices.usdPerHour;
    }

    /**
     * The file's shape; a null field was not written and takes its default. Bound through setters rather
     * than a record constructor so that Jackson reads field by field and reports each error at its line.
     */
    private static final class SloFileJson {
        private @Nullable Long settleSeconds;
        private @Nullable Double generatorBehindRatio;
        private @Nullable Double settledRise;
        private @Nullable List<SloJson> slos;
        private @Nullable RegressionJson regression;
        private @Nullable PricesJson prices;
        private @Nullable List<ResourceJson> resources;

        public void setSettleSeconds(long settleSeconds) {
            if (settleSeconds < 0) {
                throw new IllegalArgumentException("must be >= 0, got " + settleSeconds);
            }
            this.settleSeconds = settleSeconds;
        }

        public void setGeneratorBehindRatio(double ratio) {
            // Above 1 every second would be the generator's fault; at 0 or below, none ever would.
            if (!(ratio > 0 && ratio <= 1)) {
                throw new IllegalArgumentException("must be in (0, 1], got " + ratio);
            }
            this.generatorBehindRatio = ratio;
        }

        public void setSettledRise(double rise) {
            // At 0 or below, any noise in a settled step would be a rise.
            if (!(rise > 0 && Double.isFinite(rise))) {
                throw new IllegalArgumentException("must be > 0, got " + rise);
            }
            this.settledRise = rise;
        }

        public void setSlos(@Nullable List<SloJson> slos) {
            this.slos = slos;
        }

        public void setRegression(@Nullable RegressionJson regression) {
            this.regression = regression;
        }

        public void setPrices(@Nullable PricesJson prices) {
            this.prices = prices;
        }

        public void setResources(@Nullable List<ResourceJson> resources) {
            this.resources = resources;
        }

        ReportSettings toSettings() {
            PriceTable defaultPrices = PriceTable.defaults();
            return new ReportSettings(
                    toSloSet(),
                    regression == null ? RegressionRules.defaults() : regression.toRules(),
                    prices == null ? defaultPrices : defaultPrices.with(prices.usdPerHour),
                    toResources());
        }

        private List<ResourceThreshold> toResources() {
            if (resources == null) {
                return ResourceThreshold.defaults();
            }
            Set<String> names = new HashSet<>();
            List<ResourceThreshold> list = new ArrayList<>();
            for (int i = 0; i < resources.size(); i++) {
                ResourceThreshold threshold = resources.get(i).toThreshold("resources[" + i + "]");
                if (!names.add(threshold.name())) {
                    throw new IllegalArgumentException(
                            "resources[" + i + "].name: duplicate resource name '" + threshold.name() + "'");
                }
                list.add(threshold);
            }
            return List.copyOf(list);
        }

        /** Checks what only the whole file shows: missing SLO fields and repeated names. */
        private SloSet toSloSet() {
            SloSet defaults = SloSet.defaults();
            List<Slo> parsed = defaults.slos();
            if (slos != null) {
                if (slos.isEmpty()) {
                    throw new IllegalArgumentException(
                            "slos: must list at least one SLO (leave it out for the defaults)");
                }
                Set<String> names = new HashSet<>();
                List<Slo> list = new ArrayList<>();
                for (int i = 0; i < slos.size(); i++) {
                    Slo slo = slos.get(i).toSlo("slos[" + i + "]");
                    if (!names.add(slo.name())) {
                        throw new IllegalArgumentException(
                                "slos[" + i + "].name: duplicate SLO name '" + slo.name() + "'");
                    }
                    list.add(slo);
                }
                parsed = List.copyOf(list);
            }
            return new SloSet(
                    parsed,
                    settleSeconds == null ? defaults.settleSeconds() : settleSeconds,
                    generatorBehindRatio == null ? defaults.generatorBehindRatio() : generatorBehindRatio,
                    settledRise == null ? defaults.settledRise() : settledRise);
        }
    }

    private static final class SloJson {
        private @Nullable String name;
        private @Nullable Metric metric;
        private @Nullable Double below;
        private @Nullable Double above;
        private @Nullable String endpoint;

        public void setEndpoint(@Nullable String endpoint) {
            if (endpoint == null || endpoint.isBlank()) {
                throw new IllegalArgumentException("must not be empty (leave it out for every request)");
            }
            this.endpoint = endpoint.strip();
        }

        public void setName(@Nullable String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("must not be empty");
            }
            this.name = name;
        }

        public void setMetric(@Nullable Metric metric) {
            this.metric = metric;
        }

        public void setBelow(double below) {
            // No measured value is below 0, so a threshold of 0 or less could never pass.
            if (!(below > 0)) {
                throw new IllegalArgumentException("must be > 0, got " + below);
            }
            this.below = below;
        }

        public void setAbove(double above) {
            // A share above 1 or below 0 could never, or always, be exceeded.
            if (!(above >= 0 && above < 1)) {
                throw new IllegalArgumentException("must be within [0, 1), got " + above);
            }
            this.above = above;
        }

        Slo toSlo(String path) {
            if (name == null) {
                throw new IllegalArgumentException(path + ": missing field 'name'");
            }
            if (metric == null) {
                throw new IllegalArgumentException(path + ": missing field 'metric' (one of " + VALID_METRICS + ")");
            }
            if (metric.ofJourneys() && endpoint != null) {
                throw new IllegalArgumentException(path + ".endpoint: " + metric.key()
                        + " is judged on the journeys that joined in a phase, not on one endpoint's requests");
            }
            if (metric.mustStayAbove()) {
                if (above == null || below != null) {
                    throw new IllegalArgumentException(
                            path + ": " + metric.key() + " must stay above its threshold: give 'above', not 'below'");
                }
                return new Slo(name, metric, above, endpoint);
            }
            if (above != null) {
                throw new IllegalArgumentException(
                        path + ": " + metric.key() + " must stay below its threshold: give 'below', not 'above'");
            }
            if (below == null) {
                throw new IllegalArgumentException(path + ": missing field 'below'");
            }
            return new Slo(name, metric, below, endpoint);
        }
    }

    /** An empty list is allowed: it turns resource warnings off. */
    private static final class ResourceJson {
        private @Nullable String name;
        private @Nullable String source;
        private @Nullable String series;
        private @Nullable Double above;

        public void setName(@Nullable String name) {
            this.name = notBlank(name);
        }

        public void setSource(@Nullable String source) {
            this.source = notBlank(source);
        }

        public void setSeries(@Nullable String series) {
            this.series = notBlank(series);
        }

        public void setAbove(double above) {
            this.above = above;
        }

        ResourceThreshold toThreshold(String path) {
            String missing = name == null
                    ? "name"
                    : source == null ? "source" : series == null ? "series" : above == null ? "above" : null;
            if (missing != null) {
                throw new IllegalArgumentException(path + ": missing field '" + missing + "'");
            }
            return new ResourceThreshold(name, source, series, above);
        }

        private static String notBlank(@Nullable String text) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("must not be empty");
            }
            return text;
        }
    }

    private static final class RegressionJson {
        private @Nullable Double p99IncreasePercent;
        private @Nullable Double kneeDecreasePercent;
        private @Nullable Double errorRateIncrease;

        public void setP99IncreasePercent(double percent) {
            this.p99IncreasePercent = notNegative(percent);
        }

        public void setKneeDecreasePercent(double percent) {
            this.kneeDecreasePercent = notNegative(percent);
        }

        public void setErrorRateIncrease(double fraction) {
            this.errorRateIncrease = notNegative(fraction);
        }

        RegressionRules toRules() {
            RegressionRules defaults = RegressionRules.defaults();
            return new RegressionRules(
                    p99IncreasePercent == null ? defaults.p99IncreasePercent() : p99IncreasePercent,
                    kneeDecreasePercent == null ? defaults.kneeDecreasePercent() : kneeDecreasePercent,
                    errorRateIncrease == null ? defaults.errorRateIncrease() : errorRateIncrease);
        }

        private static double notNegative(double limit) {
            // A negative limit would call an unchanged run a regression.
            if (!(limit >= 0)) {
                throw new IllegalArgumentException("must be >= 0, got " + limit);
            }
            return limit;
        }
    }

    /** Instance type to USD/hour; any key is a type, so errors name it as the field. */
    private static final class PricesJson {
        private final Map<String, Double> usdPerHour = new LinkedHashMap<>();

        @JsonAnySetter
        public void put(String instanceType, double usdPerHour) {
            // Free nodes are not a thing; 0 would hide a forgotten price behind a cost of nothing.
            if (!(usdPerHour > 0)) {
                throw new IllegalArgumentException("must be > 0, got " + usdPerHour);
            }
            this.usdPerHour.put(instanceType, usdPerHour);
        }
    }

    private static final class MetricDeserializer extends JsonDeserializer<Metric> {
        @Override
        public Metric deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String key = parser.getValueAsString();
            return Arrays.stream(Metric.values())
                    .filter(metric -> metric.key().equals(key))
                    .findFirst()
                    .orElseThrow(() ->
                            JsonMappingException.from(parser, "unknown metric '" + key + "'; valid: " + VALID_METRICS));
        }
    }
}
