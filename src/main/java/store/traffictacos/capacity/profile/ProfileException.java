package store.traffictacos.capacity.profile;

/**
 * A load profile that cannot be used: an unknown name, an unreadable or malformed file, or invalid values.
 * The message is always one line, because the CLI and the Gatling launcher print it as the whole error.
 */
public final class ProfileException extends IllegalArgumentException {

    public ProfileException(String message) {
        this(message, null);
    }

    public ProfileException(String message, Throwable cause) {
        super(message.strip().replaceAll("\\s*\\R\\s*", " "), cause);
    }

    /** An error at a place in a profile file; {@code path} (e.g. {@code phases[1].duration}) may be empty. */
    static ProfileException at(String source, int line, String path, String problem) {
        String where = line > 0 ? source + " line " + line : source;
        return new ProfileException(where + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
    }
}
