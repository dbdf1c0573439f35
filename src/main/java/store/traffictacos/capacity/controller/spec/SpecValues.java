package store.traffictacos.capacity.controller.spec;

import java.nio.file.Path;

/** The checks every section's text fields share. */
final class SpecValues {
    private SpecValues() {}

    /** The value without surrounding blanks. */
    static String text(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("must not be empty");
        }
        return value.strip();
    }

    static Path path(String value) {
        return value == null ? null : Path.of(value);
    }
}
