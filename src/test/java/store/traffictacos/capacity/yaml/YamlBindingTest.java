package store.traffictacos.capacity.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("YamlBinding: strict binding with one-line errors naming the file, line and field")
class YamlBindingTest {
    private static final YamlBinding YAML = new YamlBinding();

    /** A small file shape: a count, a name, a list of steps. */
    static final class Shape implements YamlBinding.Located {
        int line;
        int count;
        String name;
        List<Shape> steps;

        @Override
        public void startsAtLine(int line) {
            this.line = line;
        }

        public void setCount(int count) {
            this.count = count;
        }

        public void setName(String name) {
            if (name.contains("@")) {
                throw new IllegalArgumentException("must be a plain name, got '" + name + "'");
            }
            this.name = name;
        }

        public void setSteps(List<Shape> steps) {
            this.steps = steps;
        }
    }

    @Test
    @DisplayName("a value of the wrong kind says what was expected and what was found")
    void wrongKind() {
        assertThatThrownBy(() -> YAML.bind("count: 1.5\n", "f.yaml", Shape.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("f.yaml line 1: count: expected a whole number, got the number 1.5");
    }

    @Test
    @DisplayName("an empty value is nothing, not empty text")
    void emptyValueIsNothing() {
        assertThatThrownBy(() -> YAML.bind("count:\n", "f.yaml", Shape.class))
                .hasMessage("f.yaml line 1: count: expected a whole number, got nothing");
    }

    @Test
    @DisplayName("an empty list item is nothing too, named by its index")
    void emptyItemIsNothing() {
        assertThatThrownBy(() -> YAML.bind("steps:\n  - {count: 1}\n  -\n", "f.yaml", Shape.class))
                .hasMessage("f.yaml line 3: steps[1]: expected a mapping of fields, got nothing");
    }

    @Test
    @DisplayName("an unknown key is reported at its own line, not at the line its value starts")
    void unknownKeyAtItsLine() {
        assertThatThrownBy(() -> YAML.bind("name: a\nstep:\n  - {count: 1}\n", "f.yaml", Shape.class))
                .hasMessageStartingWith("f.yaml line 2: step: unknown field (expected ");
    }

    @Test
    @DisplayName("a syntax error is reported before a value that it made unreadable")
    void syntaxFirst() {
        assertThatThrownBy(() -> YAML.bind("steps:\n  - {count: 1\n  - {count: 2}\n", "f.yaml", Shape.class))
                .hasMessage("f.yaml line 3: invalid YAML: expected ',' or '}', but got { "
                        + "(while parsing a flow mapping from line 2)");
    }

    @Test
    @DisplayName("a second document is refused rather than ignored")
    void secondDocument() {
        assertThatThrownBy(() -> YAML.bind("count: 1\n---\ncount: 2\n", "f.yaml", Shape.class))
                .hasMessage("f.yaml line 3: expected one YAML document, found a second");
    }

    @Test
    @DisplayName("a trailing document marker with nothing after it is accepted")
    void trailingMarker() {
        assertThat(YAML.bind("count: 1\n---\n", "f.yaml", Shape.class).count).isEqualTo(1);
    }

    @Test
    @DisplayName("a key given twice names the mapping that holds it")
    void duplicateKey() {
        assertThatThrownBy(() -> YAML.bind("steps:\n  - count: 1\n    count: 2\n", "f.yaml", Shape.class))
                .hasMessage("f.yaml line 3: steps[0]: duplicate field 'count'");
    }

    @Test
    @DisplayName("a located object learns the line where it starts")
    void located() {
        // When
        Shape shape = YAML.bind("# a comment\nname: a\nsteps:\n  - count: 1\n  - count: 2\n", "f.yaml", Shape.class);

        // Then
        assertThat(shape.line).isEqualTo(2);
        assertThat(shape.steps).extracting(step -> step.line).containsExactly(4, 5);
    }

    @Test
    @DisplayName("a password in a URL never reaches the error, even when a setter echoes the value")
    void passwordRedacted() {
        assertThatThrownBy(() -> YAML.bind("name: redis://admin:s3cret@cache:6379\n", "f.yaml", Shape.class))
                .hasMessage("f.yaml line 1: name: must be a plain name, got 'redis://cache:6379'")
                .hasMessageNotContaining("s3cret");
    }
}
