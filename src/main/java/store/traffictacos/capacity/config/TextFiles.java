package store.traffictacos.capacity.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Reads the text files a user names (profiles, SLO files, run specs), with one way of saying why not. */
public final class TextFiles {
    private TextFiles() {}

    /**
     * @param what how the error names the file, e.g. "profile file", "SLO file", "run spec"
     * @throws IllegalArgumentException {@code cannot read <what> <file>: No such file} (or Permission
     *     denied, not UTF-8 text, a folder...)
     */
    public static String read(Path file, String what) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("cannot read " + what + " " + file + ": it is a folder");
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + what + " " + file + ": " + reason(e), e);
        }
    }

    /** A file error as a user reads it. */
    public static @Nullable String reason(IOException e) {
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
