package store.traffictacos.capacity.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.docs.Markdown.Block;
import store.traffictacos.capacity.docs.Markdown.Kind;

@DisplayName("Markdown, as the documentation tests read it")
class MarkdownTest {
    private static final Path FILE = Path.of("doc.md");

    @Test
    @DisplayName("a heading's anchor is GitHub's: lower case, code marks and punctuation dropped, spaces as hyphens, "
            + "repeats numbered")
    void anchors() {
        // Given
        String text = """
                # Distributed runs (`tacos-capacity run`)
                ## Options of `tacos-capacity target`
                ## The capacity model (exact)
                ## Notes
                ## Notes
                """;

        // When
        Markdown markdown = Markdown.parse(FILE, text);

        // Then
        assertThat(markdown.anchors())
                .containsExactlyInAnyOrder(
                        "distributed-runs-tacos-capacity-run",
                        "options-of-tacos-capacity-target",
                        "the-capacity-model-exact",
                        "notes",
                        "notes-1");
    }

    @Test
    @DisplayName("a fenced block keeps its language, its markers, its text and the line of its fence; what is inside a "
            + "fence is neither a heading nor a link")
    void blocks() {
        // Given
        String text = """
                Intro with a [link](docs/a.md#top), and [one whose text
                goes on](b.md) on the next line.

                ```bash needs-cluster
                # a comment, not a heading
                kubectl get pods   # see [this](nowhere.md)
                ```
                ~~~yaml
                a: 1
                ~~~
                """;

        // When
        Markdown markdown = Markdown.parse(FILE, text);

        // Then
        assertThat(markdown.blocks())
                .containsExactly(
                        new Block(
                                FILE,
                                4,
                                "bash",
                                Set.of("needs-cluster"),
                                "# a comment, not a heading\nkubectl get pods   # see [this](nowhere.md)\n"),
                        new Block(FILE, 8, "yaml", Set.of(), "a: 1\n"));
        assertThat(markdown.anchors()).isEmpty();
        assertThat(markdown.links())
                .containsExactly(new Markdown.Link(1, "docs/a.md#top"), new Markdown.Link(1, "b.md"));
    }

    @Test
    @DisplayName("a bash block runs unless a marker says what it needs or that it is the test command")
    void kinds() {
        // When / Then
        assertThat(Kind.of(block("bash"))).isEqualTo(Kind.RUN);
        assertThat(Kind.of(block("bash needs-cluster"))).isEqualTo(Kind.SYNTAX_ONLY);
        assertThat(Kind.of(block("bash needs-aws"))).isEqualTo(Kind.SYNTAX_ONLY);
        assertThat(Kind.of(block("bash runs-the-tests"))).isEqualTo(Kind.TEST_COMMAND);
        assertThat(Kind.of(block("yaml"))).isEqualTo(Kind.YAML);
    }

    @Test
    @DisplayName("a block without a language, or with a misspelt marker, is an error naming its file and line")
    void unknownWords() {
        // When / Then
        assertThatThrownBy(() -> Kind.of(block("")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("doc.md:1")
                .hasMessageContaining("says what it is");
        assertThatThrownBy(() -> Kind.of(block("bash needs-clustr")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("doc.md:1")
                .hasMessageContaining("needs-clustr");
    }

    private static Block block(String infoString) {
        return Markdown.parse(FILE, "```" + infoString + "\necho hi\n```\n")
                .blocks()
                .get(0);
    }
}
