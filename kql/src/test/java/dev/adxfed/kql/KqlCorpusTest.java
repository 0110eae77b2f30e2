package dev.adxfed.kql;

import dev.adxfed.kql.oracle.MicrosoftKqlParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Our parser and Microsoft's agree on which texts of the corpus (valid and invalid) are KQL. */
class KqlCorpusTest {

    static List<String> corpus() throws IOException {
        try (InputStream in = KqlCorpusTest.class.getResourceAsStream("corpus.kql")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> entries = new ArrayList<>();
            for (String block : text.split("\n----\n", -1)) {
                String entry = Arrays.stream(block.split("\n", -1))
                        .filter(line -> !line.startsWith("##"))
                        .collect(Collectors.joining("\n"));
                if (!entry.isBlank()) {
                    entries.add(entry);
                }
            }
            return entries;
        }
    }

    @Test
    void ourParserAndMicrosoftsAgreeOnValidity() throws IOException {
        List<String> texts = corpus();
        long commands = texts.stream().filter(KqlParser::isCommand).count();
        assertThat(texts.size() - commands).as("queries in the corpus").isGreaterThanOrEqualTo(150);
        assertThat(commands).as("commands in the corpus").isGreaterThanOrEqualTo(40);

        List<MicrosoftKqlParser.Verdict> verdicts = MicrosoftKqlParser.check(texts);

        List<String> disagreements = new ArrayList<>();
        int valid = 0;
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            String ours;
            try {
                KqlParser.parse(text);
                ours = null;
            } catch (KqlSyntaxException e) {
                ours = e.getMessage();
            } catch (RuntimeException e) {
                ours = "CRASH " + e;
            }
            boolean microsoftValid = verdicts.get(i).valid();
            valid += microsoftValid ? 1 : 0;
            if ((ours == null) != microsoftValid || (ours != null && ours.startsWith("CRASH"))) {
                disagreements.add("\n  " + text.replace("\n", "\n    ")
                        + "\n    Microsoft: " + (microsoftValid ? "valid" : "invalid " + verdicts.get(i).describe())
                        + "\n    ours: " + (ours == null ? "valid" : ours));
            }
        }
        assertThat(disagreements).as("entries where the parsers disagree").isEmpty();
        assertThat(valid).as("valid entries").isBetween(texts.size() / 3, texts.size() * 9 / 10);
    }
}
