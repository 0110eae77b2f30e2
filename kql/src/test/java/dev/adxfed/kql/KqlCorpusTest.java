package dev.adxfed.kql;

import dev.adxfed.kql.oracle.MicrosoftKqlParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our parser and Microsoft's agree on which texts of the corpus are KQL. The corpus (test resources
 * {@code corpus/*.kql}) holds the examples of the KQL reference, mutants that break some of them, and
 * hand-written cases, each labelled with Microsoft's verdict; the test re-checks every label with
 * Microsoft's parser, then measures how often ours agrees.
 */
class KqlCorpusTest {

    private static final List<String> FILES = List.of("queries.kql", "query-mutants.kql", "commands.kql", "handwritten.kql");

    /** Below this share of agreement the test fails; docs/emulator.md lists the texts we still judge differently. */
    private static final double REQUIRED_AGREEMENT = 0.98;

    record Entry(String file, String source, boolean valid, String text) {}

    /** Entries are separated by a line holding only ----; each starts with {@code ## valid|invalid <source>}. */
    static List<Entry> corpus() throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = KqlCorpusTest.class.getResourceAsStream("/corpus/" + file)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                for (String block : text.split("\n----\n", -1)) {
                    int newline = block.indexOf('\n');
                    String header = newline < 0 ? block : block.substring(0, newline);
                    String[] label = header.split(" ", 3);
                    if (label.length < 2 || !label[0].equals("##") || !(label[1].equals("valid") || label[1].equals("invalid"))) {
                        continue;
                    }
                    entries.add(new Entry(file, label.length > 2 ? label[2] : "", label[1].equals("valid"),
                            block.substring(newline + 1).stripTrailing()));
                }
            }
        }
        return entries;
    }

    @Test
    void ourParserAgreesWithMicrosoftsOnTheCorpus() throws IOException {
        List<Entry> entries = corpus();
        List<String> texts = entries.stream().map(Entry::text).toList();
        long commands = texts.stream().filter(KqlParser::isCommand).count();
        long invalid = entries.stream().filter(e -> !e.valid()).count();
        assertThat(entries).as("corpus entries").hasSizeGreaterThanOrEqualTo(1500);
        assertThat(commands).as("commands in the corpus").isGreaterThanOrEqualTo(250);
        assertThat(invalid).as("invalid entries").isGreaterThanOrEqualTo(entries.size() / 10);

        List<MicrosoftKqlParser.Verdict> verdicts = MicrosoftKqlParser.check(texts);

        List<String> relabelled = new ArrayList<>();
        List<String> disagreements = new ArrayList<>();
        List<String> handwritten = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            MicrosoftKqlParser.Verdict microsoft = verdicts.get(i);
            if (microsoft.valid() != entry.valid()) {
                relabelled.add(entry.file() + " " + entry.source() + ": " + entry.text());
            }
            String ours = ourVerdict(entry.text());
            if ((ours == null) != microsoft.valid() || (ours != null && ours.startsWith("CRASH"))) {
                String line = "\n  [" + entry.file() + " " + entry.source() + "] " + entry.text().replace("\n", "\n    ")
                        + "\n    Microsoft: " + (microsoft.valid() ? "valid" : "invalid " + microsoft.describe())
                        + "\n    ours: " + (ours == null ? "valid" : ours);
                disagreements.add(line);
                if (entry.file().equals("handwritten.kql") || ours != null && ours.startsWith("CRASH")) {
                    handwritten.add(line);
                }
            }
        }
        assertThat(relabelled).as("entries whose stored label is not Microsoft's verdict").isEmpty();
        assertThat(handwritten).as("hand-written entries (which must all agree) and crashes").isEmpty();
        double agreement = 1.0 - (double) disagreements.size() / entries.size();
        System.out.printf("KQL corpus: %d entries (%d commands, %d invalid), agreement with Microsoft's parser %.2f%%%n",
                entries.size(), commands, invalid, 100 * agreement);
        assertThat(agreement).as("agreement; the disagreements:%s", String.join("", disagreements))
                .isGreaterThanOrEqualTo(REQUIRED_AGREEMENT);
    }

    /** Null when our parser accepts the text, the error otherwise. */
    private static String ourVerdict(String text) {
        try {
            KqlParser.parse(text);
            return null;
        } catch (KqlSyntaxException e) {
            return e.getMessage();
        } catch (RuntimeException e) {
            return "CRASH " + e;
        }
    }
}
