package store.traffictacos.capacity.runner;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A results directory as zip bytes and back. Zip rather than tar.gz because the JDK writes it and
 * commons-compress is not on the runtime classpath.
 */
final class ResultsArchive {

    private ResultsArchive() {}

    /** Every regular file under {@code dir}, by path relative to it ('/'-separated), in name order. */
    static byte[] zip(Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Path file : regularFiles(dir)) {
                zip.putNextEntry(new ZipEntry(entryName(dir, file)));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Writes the archive's files under {@code intoDir}.
     *
     * @throws ZipException when the archive is malformed or names a file outside {@code intoDir}
     */
    static void unzip(byte[] archive, Path intoDir) throws IOException {
        Path root = intoDir.toAbsolutePath().normalize();
        Files.createDirectories(root);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new ZipException("entry outside its directory: " + entry.getName());
                }
                Files.createDirectories(target.getParent());
                Files.copy(zip, target);
            }
        }
    }

    private static List<Path> regularFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String entryName(Path dir, Path file) {
        return dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
