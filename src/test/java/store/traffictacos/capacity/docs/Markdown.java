package store.traffictacos.capacity.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the documentation tests read from a Markdown file: its fenced code blocks (with the words of their info
 * string), its headings' anchors as GitHub makes them, and its links. Only the Markdown this project writes:
 * fences of three or more backticks or tildes, ATX headings, inline links.
 */
record Markdown(Path file, List<Block> blocks, Set<String> anchors, List<Link> links) {

    /**
     * The documents whose command blocks are run ({@code ReadmeCommandsIT}) and whose blocks must say what they
     * are ({@code MarkdownDocsTest}), in the order a reader meets them: the README, the reference under docs/, and
     * the Kubernetes guide.
     */
    static List<Path> commandDocuments(Path root) {
        List<Path> documents = new ArrayList<>();
        documents.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        documents.add(root.resolve("k8s/README.md"));
        return documents;
    }

    /** A fenced code block: {@code language} and {@code markers} are the words of its info string. */
    record Block(Path file, int line, String language, Set<String> markers, String text) {
        @Override
        public String toString() {
            return file + ":" + line + " ("
                    + String.join(" ", language, String.join(" ", markers)).strip() + ")";
        }
    }

    /**
     * What the documentation tests do with a block, from its info string. A {@code bash} block is run as written
     * unless a marker after the language says it cannot be run here; a block with no language, or an unknown
     * language or marker, is an error, so that no command escapes the tests by a missing or misspelt word.
     */
    enum Kind {
        /** {@code bash}: run, from the root of a fresh clone. */
        RUN,
        /** {@code bash needs-cluster}, {@code bash needs-aws}: needs what this machine lacks; {@code bash -n} only. */
        SYNTAX_ONLY,
        /** {@code bash runs-the-tests}: the test command itself, not run again by a test; {@code bash -n} only. */
        TEST_COMMAND,
        /** {@code yaml}, {@code json}: must parse. */
        YAML,
        JSON,
        /** {@code text} (output, synopses), {@code java} (code to read): nothing to run. */
        TEXT;

        static final Set<String> NEEDS = Set.of("needs-cluster", "needs-aws");
        static final String RUNS_THE_TESTS = "runs-the-tests";

        static Kind of(Block block) {
            Kind kind = switch (block.language()) {
                case "bash" ->
                    block.markers().contains(RUNS_THE_TESTS)
                            ? TEST_COMMAND
                            : block.markers().stream().anyMatch(NEEDS::contains) ? SYNTAX_ONLY : RUN;
                case "yaml" -> YAML;
                case "json" -> JSON;
                case "text", "java" -> TEXT;
                default ->
                    throw new IllegalArgumentException(block
                            + ": a code block says what it is: bash, yaml, json, text or java (after ``` on its"
                            + " first line)");
            };
            Set<String> allowed = kind == RUN || kind == SYNTAX_ONLY || kind == TEST_COMMAND
                    ? Set.of("needs-cluster", "needs-aws", RUNS_THE_TESTS)
                    : Set.of();
            for (String marker : block.markers()) {
                if (!allowed.contains(marker)) {
                    throw new IllegalArgumentException(block + ": unknown marker '" + marker + "'; a bash block may"
                            + " say needs-cluster, needs-aws or runs-the-tests");
                }
            }
            return kind;
        }
    }

    /** A link or image target as written, and the line it is on. */
    record Link(int line, String target) {}

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*(.*)$");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");

    static Markdown read(Path file) {
        try {
            return parse(file, Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Markdown parse(Path file, String text) {
        List<Block> blocks = new ArrayList<>();
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        List<Link> links = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        // The text outside fences, line for line, where links are looked for (their text may span lines).
        String[] prose = new String[lines.length];
        Arrays.fill(prose, "");
        for (int i = 0; i < lines.length; i++) {
            Matcher fence = FENCE.matcher(lines[i]);
            if (fence.matches()) {
                String closing = fence.group(1);
                List<String> words = Arrays.stream(fence.group(2).strip().split("\\s+"))
                        .filter(word -> !word.isEmpty())
                        .toList();
                int start = i + 1;
                int end = start;
                while (end < lines.length && !isClosing(lines[end], closing)) {
                    end++;
                }
                blocks.add(new Block(
                        file,
                        i + 1,
                        words.isEmpty() ? "" : words.get(0),
                        new LinkedHashSet<>(words.subList(Math.min(1, words.size()), words.size())),
                        String.join("\n", Arrays.asList(lines).subList(start, Math.min(end, lines.length))) + "\n"));
                i = end;
                continue;
            }
            Matcher heading = HEADING.matcher(lines[i]);
            if (heading.matches()) {
                String slug = slug(heading.group(1));
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
            prose[i] = lines[i];
        }
        links.addAll(links(String.join("\n", prose)));
        return new Markdown(file, List.copyOf(blocks), Set.copyOf(anchors), List.copyOf(links));
    }

    /** The links of text outside fences, inline code left out (as spaces, so that offsets and lines stay). */
    private static List<Link> links(String prose) {
        StringBuilder withoutCode = new StringBuilder(prose);
        Matcher code = INLINE_CODE.matcher(prose);
        while (code.find()) {
            for (int i = code.start(); i < code.end(); i++) {
                if (withoutCode.charAt(i) != '\n') {
                    withoutCode.setCharAt(i, ' ');
                }
            }
        }
        List<Link> links = new ArrayList<>();
        Matcher link = LINK.matcher(withoutCode);
        while (link.find()) {
            int line = 1
                    + (int) prose.substring(0, link.start())
                            .chars()
                            .filter(c -> c == '\n')
                            .count();
            links.add(new Link(line, link.group(1)));
        }
        return links;
    }

    /**
     * GitHub's anchor of a heading: lower case, punctuation dropped (letters, digits, spaces, hyphens and
     * underscores kept), each space a hyphen; links and code keep only their text.
     */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }

    private static boolean isClosing(String line, String opening) {
        String stripped = line.strip();
        return stripped.length() >= opening.length()
                && stripped.chars().allMatch(c -> c == opening.charAt(0))
                && line.indexOf(opening.charAt(0)) <= 3;
    }
}
