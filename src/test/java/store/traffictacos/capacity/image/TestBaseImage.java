package store.traffictacos.capacity.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A base image for Jib where there is no registry: a docker-save tar ({@code -Djib.from.image=tar://<path>}) of one
 * small layer standing in for a Java 17 runtime (the JRE's {@code release} file). Jib reads only a base's config
 * and layers, and nothing here runs the image in a container, so the runtime itself is not needed.
 *
 * @param tar the image tar
 * @param diffId the digest of its one layer, as its config lists it
 */
public record TestBaseImage(Path tar, String diffId) {
    /** The one file of the base's layer. */
    public static final String RUNTIME_MARKER = "opt/java/openjdk/release";

    /** Writes the base image under {@code dir} with the {@code tar} command. */
    public static TestBaseImage write(Path dir) throws IOException, InterruptedException {
        Path files = Files.createDirectories(dir.resolve("files"));
        Path release = files.resolve(RUNTIME_MARKER);
        Files.createDirectories(release.getParent());
        Files.writeString(release, "JAVA_VERSION=\"17\"\n");
        Path image = Files.createDirectories(dir.resolve("image"));
        Path layer = image.resolve("layer.tar");
        tar(
                "--owner=0",
                "--group=0",
                "--numeric-owner",
                "-C",
                files.toString(),
                "-cf",
                layer.toString(),
                RUNTIME_MARKER);
        String diffId = "sha256:" + sha256(layer);
        Files.writeString(image.resolve("config.json"), """
                {"architecture": "amd64", "os": "linux",
                 "config": {"Env": ["PATH=/opt/java/openjdk/bin:/usr/bin:/bin", "JAVA_HOME=/opt/java/openjdk"]},
                 "rootfs": {"type": "layers", "diff_ids": ["%s"]},
                 "history": [{"created_by": "TestBaseImage: a stand-in for a Java 17 runtime"}]}
                """.formatted(diffId));
        Files.writeString(
                image.resolve("manifest.json"),
                "[{\"Config\": \"config.json\", \"RepoTags\": [\"test-base:17\"], \"Layers\": [\"layer.tar\"]}]");
        Path tar = dir.resolve("base.tar");
        tar("-C", image.toString(), "-cf", tar.toString(), "manifest.json", "config.json", "layer.tar");
        return new TestBaseImage(tar, diffId);
    }

    /** The value of {@code jib.from.image} that builds on this base. */
    public String reference() {
        return "tar://" + tar.toAbsolutePath();
    }

    private static void tar(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tar"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
