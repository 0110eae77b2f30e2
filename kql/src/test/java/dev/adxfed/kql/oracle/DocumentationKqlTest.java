package dev.adxfed.kql.oracle;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every ```kusto block in the README and docs/ is KQL that Microsoft's parser accepts. */
class DocumentationKqlTest {

    private static final Pattern KUSTO_BLOCK = Pattern.compile("```kusto\\n(.*?)```", Pattern.DOTALL);

    private record Block(String where, String text) {}

    @Test
    void everyKustoBlockInTheDocumentationParses() throws IOException {
        List<Block> blocks = kustoBlocks(repositoryRoot());
        assertThat(blocks).as("```kusto blocks in README.md and docs/").hasSizeGreaterThan(5);

        List<MicrosoftKqlParser.Verdict> verdicts = MicrosoftKqlParser.check(blocks.stream().map(Block::text).toList());

        List<String> rejected = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (!verdicts.get(i).valid()) {
                rejected.add(blocks.get(i).where() + " " + verdicts.get(i).describe() + "\n" + blocks.get(i).text());
            }
        }
        assertThat(rejected).as("kusto blocks Microsoft's parser rejects").isEmpty();
    }

    private static List<Block> kustoBlocks(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<Block> blocks = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file);
            Matcher m = KUSTO_BLOCK.matcher(text);
            while (m.find()) {
                int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                blocks.add(new Block(root.relativize(file) + ":" + line, m.group(1)));
            }
        }
        return blocks;
    }

    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs")) && Files.isRegularFile(p.resolve("README.md"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root (README.md and docs/) not found above " + Path.of("").toAbsolutePath());
    }
}
