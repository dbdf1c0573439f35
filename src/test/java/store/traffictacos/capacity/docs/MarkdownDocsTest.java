package store.traffictacos.capacity.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.docs.Markdown.Block;
import store.traffictacos.capacity.docs.Markdown.Kind;
import store.traffictacos.capacity.docs.Markdown.Link;

/**
 * The repository's Markdown as files: links and anchors that resolve, code blocks that say what they are, data
 * blocks that parse, and the README's first screen. Running the command blocks is {@code ReadmeCommandsIT}'s.
 */
@DisplayName("the repository's Markdown")
class MarkdownDocsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    /** How many lines of the README a newcomer sees before scrolling, about. */
    private static final int FIRST_SCREEN_LINES = 30;

    @Test
    @DisplayName("every relative link and picture points at a file that exists, and its #anchor at a heading there")
    void linksResolve() throws IOException {
        // Given
        List<String> broken = new ArrayList<>();

        List<Path> files = markdownFiles();
        assertThat(files)
                .contains(ROOT.resolve("README.md"), ROOT.resolve("k8s/README.md"), ROOT.resolve("bench/README.md"));

        // When
        for (Path file : files) {
            Markdown markdown = Markdown.read(file);
            for (Link link : markdown.links()) {
                String problem = problem(markdown, link.target());
                if (problem != null) {
                    broken.add(ROOT.relativize(file) + ":" + link.line() + ": " + link.target() + ": " + problem);
                }
            }
        }

        // Then
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    @DisplayName("every code block of the README, docs/ and k8s/README.md says what it is, in words the tests know")
    void blocksSayWhatTheyAre() {
        // Given
        List<String> unknown = new ArrayList<>();

        // When
        for (Block block : blocks()) {
            try {
                Kind.of(block);
            } catch (IllegalArgumentException e) {
                unknown.add(e.getMessage());
            }
        }

        // Then
        assertThat(unknown).isEmpty();
    }

    @Test
    @DisplayName("every yaml and json block of the README, docs/ and k8s/README.md parses")
    void dataBlocksParse() {
        // Given
        ObjectMapper yaml = new YAMLMapper();
        ObjectMapper json = new ObjectMapper();
        List<String> failures = new ArrayList<>();

        // When
        for (Block block : blocks()) {
            Kind kind = Kind.of(block);
            if (kind != Kind.YAML && kind != Kind.JSON) {
                continue;
            }
            try {
                (kind == Kind.YAML ? yaml : json).readTree(block.text());
            } catch (IOException e) {
                failures.add(block + ": " + e.getMessage());
            }
        }

        // Then
        assertThat(failures).isEmpty();
    }

    @Test
    @DisplayName("the README's first screen shows the main job and the test command, and a picture of a report")
    void firstScreen() {
        // Given
        Markdown readme = Markdown.read(ROOT.resolve("README.md"));

        // When
        List<Block> commands = readme.blocks().stream()
                .filter(block -> block.language().equals("bash"))
                .limit(2)
                .toList();
        List<Link> pictures = readme.links().stream()
                .filter(link -> link.target().endsWith(".png"))
                .toList();

        // Then
        assertThat(commands)
                .hasSize(2)
                .allSatisfy(block -> assertThat(block.line()).isLessThan(FIRST_SCREEN_LINES));
        assertThat(commands.get(0).text()).isEqualTo("mvn gatling:test\n");
        assertThat(Kind.of(commands.get(0))).isEqualTo(Kind.RUN);
        assertThat(Kind.of(commands.get(1))).isEqualTo(Kind.TEST_COMMAND);
        assertThat(pictures)
                .first()
                .satisfies(picture -> assertThat(picture.line()).isLessThan(FIRST_SCREEN_LINES));
    }

    /** Why the link cannot be followed, or null. */
    private static String problem(Markdown from, String target) {
        if (target.matches("^[a-z]+:.*")) {
            return null; // https:, mailto:: not followed here (CI has no internet)
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path file = path.isEmpty()
                ? from.file()
                : from.file().getParent().resolve(path).normalize();
        if (!file.startsWith(ROOT)) {
            return "outside the repository";
        }
        if (!Files.exists(file)) {
            return "no such file";
        }
        if (anchor == null) {
            return null;
        }
        if (!file.toString().endsWith(".md")) {
            return "an anchor into a file that is not Markdown";
        }
        Markdown to = file.equals(from.file()) ? from : Markdown.read(file);
        return to.anchors().contains(anchor) ? null : "no heading with anchor #" + anchor + " in " + to.anchors();
    }

    private static List<Block> blocks() {
        return Markdown.commandDocuments(ROOT).stream()
                .flatMap(file -> Markdown.read(file).blocks().stream())
                .toList();
    }

    /** Every Markdown file of the repository; build output, hidden folders and generated run folders aside. */
    private static List<Path> markdownFiles() throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                Path relative = ROOT.relativize(folder);
                boolean generated = relative.getNameCount() == 1
                                && (relative.toString().equals("target")
                                        || relative.toString().startsWith("."))
                        || relative.getNameCount() == 2
                                && relative.getName(0).toString().equals("reports");
                return generated ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (file.toString().endsWith(".md")) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        return found;
    }
}
