package store.traffictacos.capacity.profile;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import store.traffictacos.capacity.config.Durations;
import store.traffictacos.capacity.config.TextFiles;
import store.traffictacos.capacity.yaml.YamlBinding;

/**
 * A user's own load profile in YAML:
 *
 * <pre>
 * name: my-test            # optional, defaults to the file name without extension
 * phases:
 *   - {name: warm-up, duration: 2m, rps: 5000}
 *   - {name: ramp, duration: 5m, from: 10000, to: 20000}
 * </pre>
 *
 * A phase with {@code judge: false} (e.g. a warm-up) is run and shown but counts in no verdict and no knee;
 * phases are judged unless they say so.
 *
 * Every mistake is reported as a one-line {@link ProfileException} naming the file, the line and the field,
 * because the person who wrote the file has to find the fault without reading a stack trace.
 */
public final class ProfileFile {
    private static final YamlBinding YAML = new YamlBinding();

    private ProfileFile() {}

    public static LoadProfile parse(Path file) {
        String text;
        try {
            text = TextFiles.read(file, "profile file");
        } catch (IllegalArgumentException e) {
            throw new ProfileException(e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** @param sourceName how errors name the text, usually its file name; also the default profile name */
    public static LoadProfile parse(String yamlText, String sourceName) {
        ProfileJson profile;
        try {
            profile = YAML.bind(yamlText, sourceName, ProfileJson.class);
        } catch (IllegalArgumentException e) {
            throw new ProfileException(e.getMessage(), e);
        }
        if (profile == null) {
            throw new ProfileException(sourceName + ": the file is empty; a profile needs at least 'phases'");
        }
        return profile.toProfile(sourceName);
    }

    /** The file's shape; setters check each value, {@link #toProfile} what only the whole file shows. */
    @JsonClassDescription("a mapping with name and phases")
    private static final class ProfileJson implements YamlBinding.Located {
        private int line;
        private String name;
        private List<PhaseJson> phases;

        @Override
        public void startsAtLine(int line) {
            this.line = line;
        }

        public void setName(String name) {
            this.name = name(name);
        }

        public void setPhases(Phases phases) {
            if (phases.isEmpty()) {
                throw new IllegalArgumentException("must list at least one phase");
            }
            this.phases = phases;
        }

        LoadProfile toProfile(String source) {
            if (phases == null) {
                throw ProfileException.at(source, line, "", "missing field 'phases'");
            }
            List<Phase> result = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (PhaseJson phase : phases) {
                String path = "phases[" + result.size() + "]";
                Phase bound = phase.toPhase(source, path);
                if (!names.add(bound.name())) {
                    throw ProfileException.at(
                            source, phase.line, path + ".name", "duplicate phase name '" + bound.name() + "'");
                }
                result.add(bound);
            }
            return new LoadProfile(name == null ? defaultName(source) : name, result);
        }

        private static String defaultName(String source) {
            String fileName = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
            int extension = fileName.lastIndexOf('.');
            return extension > 0 ? fileName.substring(0, extension) : fileName;
        }
    }

    /** A named list type, so that a value of another kind reads "expected a list of phases". */
    @JsonClassDescription("a list of phases")
    private static final class Phases extends ArrayList<PhaseJson> {}

    @JsonClassDescription("a phase like {name: peak, duration: 10m, rps: 30000}")
    private static final class PhaseJson implements YamlBinding.Located {
        private int line;
        private String name;
        private Duration duration;
        private Double rps;
        private Double from;
        private Double to;
        private boolean judge = true;

        @Override
        public void startsAtLine(int line) {
            this.line = line;
        }

        public void setName(String name) {
            this.name = name(name);
        }

        public void setDuration(String duration) {
            this.duration = Durations.positive(duration);
        }

        // Rates arrive as YAML wrote them, empty ones too, so that a quoted "5000" or nothing is refused in
        // the words of a rate rather than read as a number or as text.
        @JsonSetter(nulls = Nulls.SET)
        public void setRps(JsonNode rps) {
            this.rps = rate(rps);
        }

        @JsonSetter(nulls = Nulls.SET)
        public void setFrom(JsonNode from) {
            this.from = rate(from);
        }

        @JsonSetter(nulls = Nulls.SET)
        public void setTo(JsonNode to) {
            this.to = rate(to);
        }

        @JsonSetter(nulls = Nulls.SET)
        public void setJudge(JsonNode judge) {
            if (!judge.isBoolean()) {
                throw new IllegalArgumentException("expected true or false, got " + YamlBinding.describe(judge));
            }
            this.judge = judge.booleanValue();
        }

        Phase toPhase(String source, String path) {
            Phase phase = rates(source, path);
            return judge ? phase : phase.notJudged();
        }

        private Phase rates(String source, String path) {
            if (name == null) {
                throw ProfileException.at(source, line, path, "missing field 'name'");
            }
            if (duration == null) {
                throw ProfileException.at(source, line, path, "missing field 'duration'");
            }
            if (rps != null && from == null && to == null) {
                return Phase.constant(name, duration, rps);
            }
            if (rps == null && from != null && to != null) {
                return Phase.ramp(name, duration, from, to);
            }
            throw ProfileException.at(source, line, path, "give either rps or from and to");
        }

        private static double rate(JsonNode value) {
            if (!value.isNumber()) {
                throw new IllegalArgumentException(
                        "expected a number of requests per second, got " + YamlBinding.describe(value));
            }
            if (value.doubleValue() < 0) {
                throw new IllegalArgumentException("must be >= 0, got " + value.asText());
            }
            if (Double.isInfinite(value.doubleValue())) {
                throw new IllegalArgumentException("is too large: " + value.asText());
            }
            return value.doubleValue();
        }
    }

    private static String name(String name) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        return name;
    }
}
