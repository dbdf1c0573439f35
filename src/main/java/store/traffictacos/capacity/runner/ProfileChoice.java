package store.traffictacos.capacity.runner;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import store.traffictacos.capacity.config.TextFiles;
import store.traffictacos.capacity.profile.LoadProfile;
import store.traffictacos.capacity.profile.ProfileFile;
import store.traffictacos.capacity.profile.Profiles;

/**
 * The load profile a run was given: a built-in one by name, or a profile file's text, which travels
 * inline to every runner (a runner pod cannot see the controller's files).
 *
 * @param profile the profile itself
 * @param yaml the profile file's text; null for a built-in profile
 * @param source how errors name that text, and where its default name comes from: the file's path
 */
public record ProfileChoice(LoadProfile profile, String yaml, String source) {
    private static final String NAME = "profile";
    private static final String FILE = "profile.file";
    private static final String YAML = "profile.yaml";
    private static final String SOURCE = "profile.source";

    public ProfileChoice {
        Objects.requireNonNull(profile, "profile");
        if ((yaml == null) != (source == null)) {
            throw new IllegalArgumentException("a profile's text needs its source, and only then");
        }
    }

    /** A built-in profile by name (null: the default, {@value Profiles#DEFAULT}). */
    public static ProfileChoice builtIn(String name) {
        return new ProfileChoice(Profiles.resolve(name, null), null, null);
    }

    /** A profile file, read and checked now. */
    public static ProfileChoice file(Path file) {
        return text(TextFiles.read(file, "profile file"), file.toString());
    }

    /**
     * A profile parsed from {@code yaml} elsewhere (the controller's file), to travel inline: its name
     * is its source, so a runner that parses the text again finds the same profile, named the same.
     */
    public static ProfileChoice inline(LoadProfile parsed, String yaml) {
        return new ProfileChoice(parsed, yaml, parsed.name());
    }

    public static ProfileChoice text(String yaml, String source) {
        return new ProfileChoice(ProfileFile.parse(yaml, source), yaml, source);
    }

    /** {@code -Dprofile=<name>}, {@code -Dprofile.file=<path>} or (from a controller) the file's text inline. */
    static ProfileChoice fromProperties(Map<String, String> properties) {
        String name = RunnerSettings.blankToNull(properties.get(NAME));
        String file = RunnerSettings.blankToNull(properties.get(FILE));
        String yaml = RunnerSettings.blankToNull(properties.get(YAML));
        int given = (name == null ? 0 : 1) + (file == null ? 0 : 1) + (yaml == null ? 0 : 1);
        if (given > 1) {
            throw new IllegalArgumentException("give one of -D" + NAME + ", -D" + FILE + " (got "
                    + (name == null ? "" : "'" + name + "' ") + (file == null ? "" : file) + ")");
        }
        if (yaml != null) {
            return text(yaml, Objects.requireNonNullElse(properties.get(SOURCE), YAML));
        }
        return file != null ? file(Path.of(file)) : builtIn(name);
    }

    Map<String, String> toProperties() {
        return yaml == null ? Map.of(NAME, profile.name()) : Map.of(YAML, yaml, SOURCE, source);
    }
}
