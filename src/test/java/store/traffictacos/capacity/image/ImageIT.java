package store.traffictacos.capacity.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image as {@code mvn jib:buildTar} builds it from the pom (k8s/README.md, "The image"), read back from its
 * tar: config, layers and class path.
 *
 * <p>There is no Docker daemon and no registry here, so the base is a tar this test makes ({@link TestBaseImage}),
 * and the image is not run in a container: where the test needs a JVM (the entrypoint), it runs this machine's
 * Java 17 with the image's {@code /app} taken from the extracted layers. About 35 s, most of it Maven and Jib.
 */
@DisplayName("the container image (mvn jib:buildTar)")
class ImageIT {
    private static final String MAIN_CLASS = "store.traffictacos.capacity.cli.TacosCapacity";
    private static final long BUILD_TIMEOUT_SECONDS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static JsonNode config;
    /** Each layer's file names (without the leading slash), in image order. */
    private static List<List<String>> layers;
    /** The image's file system: every layer extracted in order. */
    private static Path root;

    private static TestBaseImage base;

    @BeforeAll
    static void buildImage() throws Exception {
        base = TestBaseImage.write(Files.createDirectories(dir.resolve("base")));
        Path image = dir.resolve("image.tar");
        Path log = dir.resolve("jib.log");
        int exit = run(
                log,
                "mvn",
                "-B",
                "-ntp",
                "jib:buildTar",
                "-Djib.from.image=" + base.reference(),
                "-Djib.outputPaths.tar=" + image,
                "-Djib.outputPaths.digest=" + dir.resolve("image.digest"),
                "-Djib.outputPaths.imageId=" + dir.resolve("image.id"),
                "-Djib.outputPaths.imageJson=" + dir.resolve("image.json"),
                "-Djib.disableUpdateChecks=true");
        assertThat(exit)
                .as("mvn jib:buildTar exit code; its output:\n%s", tail(log))
                .isZero();

        Path unpacked = Files.createDirectories(dir.resolve("unpacked"));
        mustRun(log, "tar", "-xf", image.toString(), "-C", unpacked.toString());
        JsonNode manifest =
                JSON.readTree(unpacked.resolve("manifest.json").toFile()).get(0);
        config = JSON.readTree(unpacked.resolve(manifest.get("Config").asText()).toFile());
        root = Files.createDirectories(dir.resolve("root"));
        layers = new ArrayList<>();
        for (JsonNode layer : manifest.get("Layers")) {
            Path file = unpacked.resolve(layer.asText());
            Path listing = dir.resolve("listing.txt");
            mustRun(listing, "tar", "-tzf", file.toString());
            layers.add(Files.readAllLines(listing).stream()
                    .map(name -> name.replaceFirst("^\\./", "").replaceFirst("^/", ""))
                    .toList());
            mustRun(log, "tar", "-xzf", file.toString(), "-C", root.toString());
        }
    }

    @Test
    @DisplayName("the entrypoint runs the CLI's main class on the image's class path with the JVM flags the runner "
            + "needs, and there is no Cmd, so a pod's args are the CLI's arguments")
    void entrypoint() {
        // When
        List<String> entrypoint = strings(config.at("/config/Entrypoint"));

        // Then
        assertThat(entrypoint).first().isEqualTo("java");
        assertThat(entrypoint).contains("--add-opens=java.base/java.lang=ALL-UNNAMED");
        assertThat(entrypoint).endsWith("-cp", "@/app/jib-classpath-file", MAIN_CLASS);
        assertThat(strings(config.at("/config/Cmd"))).isEmpty();
    }

    @Test
    @DisplayName("the entrypoint starts: the JVM takes its flags and the class path file, and the CLI answers --help")
    void entrypointStarts() throws Exception {
        // Given
        List<String> command = new ArrayList<>(strings(config.at("/config/Entrypoint")));
        command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path classPathFile = dir.resolve("classpath-file");
        Files.writeString(classPathFile, hostClassPath());
        command.set(command.indexOf("@/app/jib-classpath-file"), "@" + classPathFile);
        command.add("--help");
        Path log = dir.resolve("help.log");

        // When
        int exit = run(log, command.toArray(String[]::new));

        // Then
        assertThat(exit).as("exit code of %s; output:\n%s", command, tail(log)).isZero();
        assertThat(Files.readString(log)).contains("runner", "run", "report", "target");
    }

    @Test
    @DisplayName("the image runs as a non-root user")
    void nonRoot() {
        // When
        String user = config.at("/config/User").asText();

        // Then
        assertThat(user).isNotBlank();
        String uid = user.split(":")[0];
        assertThat(uid).isNotIn("0", "root").matches("[0-9]+");
    }

    @Test
    @DisplayName("the image carries the OCI labels: title, description and version")
    void labels() {
        // When
        Map<String, String> labels = new LinkedHashMap<>();
        config.at("/config/Labels")
                .fields()
                .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));

        // Then
        assertThat(labels)
                .containsEntry("org.opencontainers.image.title", "tacos-capacity")
                .containsKeys("org.opencontainers.image.description", "org.opencontainers.image.version");
        assertThat(labels.get("org.opencontainers.image.version")).matches("[0-9]+\\.[0-9]+\\.[0-9]+(-SNAPSHOT)?");
    }

    @Test
    @DisplayName("the base's layer comes first, unchanged, then Jib's layers: dependencies, resources, classes")
    void layering() {
        // When
        List<String> diffIds = strings(config.at("/rootfs/diff_ids"));
        List<String> appLayers = StreamSupport.stream(config.get("history").spliterator(), false)
                .filter(entry -> "Jib".equals(entry.path("author").asText()))
                .map(entry -> entry.path("comment").asText())
                .toList();

        // Then
        assertThat(diffIds).first().isEqualTo(base.diffId());
        assertThat(layers.get(0)).contains(TestBaseImage.RUNTIME_MARKER);
        assertThat(appLayers)
                .containsSubsequence("dependencies", "resources", "classes")
                .isSubsetOf(
                        "dependencies",
                        "snapshot dependencies",
                        "project dependencies",
                        "resources",
                        "classes",
                        "jvm arg files");
        assertThat(layerWith("app/classes/" + classFile(MAIN_CLASS)))
                .as("the classes layer is after the dependencies layer")
                .isGreaterThan(layerWith(libJar("gatling-core-")));
    }

    @Test
    @DisplayName("Gatling and the simulations load from the image's class path, without the test's class path")
    void gatlingAndSimulationsOnTheClassPath() throws Exception {
        // Given
        URL[] urls = StreamSupport.stream(
                        List.of(hostClassPath().split(File.pathSeparator)).spliterator(), false)
                .map(entry -> {
                    try {
                        return Path.of(entry).toUri().toURL();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toArray(URL[]::new);

        try (URLClassLoader image = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            // When: loaded (and so linked to their superclasses) but not initialized
            Class<?> gatling = Class.forName("io.gatling.app.Gatling", false, image);
            Class<?> simulation =
                    Class.forName("store.traffictacos.capacity.simulations.TicketingSimulation", false, image);

            // Then
            assertThat(gatling.getClassLoader()).isSameAs(image);
            assertThat(simulation.getClassLoader()).isSameAs(image);
            assertThat(simulation.getSuperclass().getName()).isEqualTo("io.gatling.javaapi.core.Simulation");
        }
    }

    @Test
    @DisplayName("the simulations' Gatling configuration and the runner's baseline are image resources")
    void resources() {
        // When
        List<String> files = layers.stream().flatMap(List::stream).toList();

        // Then
        assertThat(files)
                .contains(
                        "app/resources/gatling.conf",
                        "app/resources/gatling-runner.conf",
                        "app/resources/logback.xml",
                        "app/resources/store/traffictacos/capacity/runner/baseline.json");
    }

    @Test
    @DisplayName("the classes are in the image once: no jar of this project (shaded or not) among the libraries")
    void classesOnce() {
        // When
        List<String> libs = layers.stream()
                .flatMap(List::stream)
                .filter(name -> name.startsWith("app/libs/"))
                .toList();

        // Then
        assertThat(libs).isNotEmpty().noneMatch(name -> name.startsWith("app/libs/tacos-capacity"));
        assertThat(layers.stream().flatMap(List::stream)).doesNotContain("app/tacos-capacity.jar");
    }

    /** The image's class path file, with {@code /app} moved to where this test extracted it. */
    private static String hostClassPath() throws IOException {
        String classPath = Files.readString(root.resolve("app/jib-classpath-file"), StandardCharsets.UTF_8)
                .strip();
        assertThat(classPath).contains("/app/classes", "/app/resources", "/app/libs/");
        return classPath.replace("/app/", root.resolve("app") + "/");
    }

    private static int layerWith(String file) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).contains(file)) {
                return i;
            }
        }
        throw new AssertionError("no layer holds " + file);
    }

    private static String libJar(String prefix) {
        return layers.stream()
                .flatMap(List::stream)
                .filter(name -> name.startsWith("app/libs/" + prefix) && name.endsWith(".jar"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no app/libs/" + prefix + "*.jar in the image"));
    }

    private static String classFile(String className) {
        return className.replace('.', '/') + ".class";
    }

    private static List<String> strings(JsonNode array) {
        if (array.isMissingNode() || array.isNull()) {
            return List.of();
        }
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    private static void mustRun(Path log, String... command) throws IOException, InterruptedException {
        int exit = run(log, command);
        assertThat(exit)
                .as("exit code of %s; output:\n%s", String.join(" ", command), tail(log))
                .isZero();
    }

    /** Runs a command from the project's folder, its output (and errors) into {@code log}; its exit code. */
    private static int run(Path log, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(
                    String.join(" ", command) + " did not finish in " + BUILD_TIMEOUT_SECONDS + " s:\n" + tail(log));
        }
        return process.exitValue();
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no output)";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
