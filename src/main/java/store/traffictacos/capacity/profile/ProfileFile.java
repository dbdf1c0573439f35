package store.traffictacos.capacity.profile;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import store.traffictacos.capacity.profile.YamlNode.Mapping;
import store.traffictacos.capacity.profile.YamlNode.Scalar;
import store.traffictacos.capacity.profile.YamlNode.Sequence;

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
 * Every mistake is reported as a one-line {@link ProfileException} naming the file, the line and the field,
 * because the person who wrote the file has to find the fault without reading a stack trace.
 */
public final class ProfileFile {

    private static final List<String> PROFILE_FIELDS = List.of("name", "phases");
    private static final List<String> PHASE_FIELDS = List.of("name", "duration", "rps", "from", "to");

    private final String source;

    private ProfileFile(String source) {
        this.source = source;
    }

    public static LoadProfile parse(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ProfileException("cannot read profile file " + file + ": " + reason(e));
        }
        return parse(text, file.toString());
    }

    /** @param sourceName how errors name the text, usually its file name; also the default profile name */
    public static LoadProfile parse(String yamlText, String sourceName) {
        ProfileFile file = new ProfileFile(sourceName);
        YamlNode root = YamlReader.read(yamlText, sourceName).orElseThrow(() -> new ProfileException(
                sourceName + ": the file is empty; a profile needs at least 'phases'"));
        return file.profile(root);
    }

    private LoadProfile profile(YamlNode root) {
        Mapping profile = mapping(root, "a mapping with name and phases");
        requireKnownFields(profile, PROFILE_FIELDS);
        String name = profile.get("name").map(this::name).orElseGet(this::defaultName);
        YamlNode phasesNode = profile.get("phases").orElseThrow(() -> error(profile, "missing field 'phases'"));
        if (!(phasesNode instanceof Sequence list)) {
            throw error(phasesNode, "expected a list of phases, got " + phasesNode.kind());
        }
        if (list.items().isEmpty()) {
            throw error(list, "must list at least one phase");
        }
        List<Phase> phases = new ArrayList<>();
        Set<String> phaseNames = new HashSet<>();
        for (YamlNode item : list.items()) {
            phases.add(phase(item, phaseNames));
        }
        return new LoadProfile(name, phases);
    }

    private Phase phase(YamlNode node, Set<String> earlierNames) {
        Mapping phase = mapping(node, "a phase like {name: peak, duration: 10m, rps: 30000}");
        requireKnownFields(phase, PHASE_FIELDS);
        YamlNode nameNode = required(phase, "name");
        String name = name(nameNode);
        if (!earlierNames.add(name)) {
            throw error(nameNode, "duplicate phase name '" + name + "'");
        }
        Duration duration = duration(required(phase, "duration"));
        boolean constant = phase.has("rps") && !phase.has("from") && !phase.has("to");
        boolean ramp = !phase.has("rps") && phase.has("from") && phase.has("to");
        if (constant) {
            return Phase.constant(name, duration, rate(required(phase, "rps")));
        }
        if (ramp) {
            return Phase.ramp(name, duration, rate(required(phase, "from")), rate(required(phase, "to")));
        }
        throw error(phase, "give either rps or from and to");
    }

    private Mapping mapping(YamlNode node, String expected) {
        if (node instanceof Mapping mapping) {
            return mapping;
        }
        throw error(node, "expected " + expected + ", got " + node.kind());
    }

    private void requireKnownFields(Mapping mapping, List<String> known) {
        mapping.fields().forEach((key, field) -> {
            if (!known.contains(key)) {
                throw ProfileException.at(source, field.keyLine(), mapping.path(),
                        "unknown field '" + key + "' (expected " + String.join(", ", known) + ")");
            }
        });
    }

    private YamlNode required(Mapping mapping, String key) {
        return mapping.get(key).orElseThrow(() -> error(mapping, "missing field '" + key + "'"));
    }

    private String name(YamlNode node) {
        String name = scalarText(node, "a name");
        if (name.isBlank()) {
            throw error(node, "must not be blank");
        }
        return name;
    }

    private Duration duration(YamlNode node) {
        String text = scalarText(node, "a duration such as 30s");
        Duration duration = DurationText.parse(text).orElseThrow(() -> error(node,
                "'" + text + "' is not a duration (use e.g. 30s, 2m, 1m30s)"));
        if (duration.isNegative() || duration.isZero()) {
            throw error(node, "must be > 0, got " + text);
        }
        return duration;
    }

    private double rate(YamlNode node) {
        if (!(node instanceof Scalar scalar) || scalar.number() == null) {
            throw error(node, "expected a number of requests per second, got " + node.kind());
        }
        if (scalar.number().signum() < 0) {
            throw error(node, "must be >= 0, got " + scalar.text());
        }
        double rps = scalar.number().doubleValue();
        if (Double.isInfinite(rps)) {
            throw error(node, "is too large: " + scalar.text());
        }
        return rps;
    }

    private String scalarText(YamlNode node, String expected) {
        if (node instanceof Scalar scalar && scalar.text() != null) {
            return scalar.text();
        }
        throw error(node, "expected " + expected + ", got " + node.kind());
    }

    private String defaultName() {
        String fileName = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
        int extension = fileName.lastIndexOf('.');
        return extension > 0 ? fileName.substring(0, extension) : fileName;
    }

    private ProfileException error(YamlNode node, String problem) {
        return ProfileException.at(source, node.line(), node.path(), problem);
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        return e.getMessage();
    }
}
