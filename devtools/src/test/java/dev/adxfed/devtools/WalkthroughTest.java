package dev.adxfed.devtools;

import dev.adxfed.emulator.Emulator;
import dev.adxfed.emulator.EmulatorConfig;
import dev.adxfed.operator.cli.RepositoryRoot;
import dev.adxfed.operator.cli.Run;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the pages' walkthroughs command by command on emulator clusters started as the page says
 * (the migration page's on clusters started afresh)
 * ({@code adxfed emulator --clusters 2 --hub}), and checks that each command prints what the page shows,
 * so that a page drifting from the tool fails the build. The clusters run on the pages' ports, or on free
 * ports when those are taken: then the pages' ports are put in the example files and commands, and taken
 * out of the output, before comparing. What
 * changes from run to run (times, ages, byte counts, column widths) is compared by its shape.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkthroughTest {

    private static final Pattern TIME = Pattern.compile("(\\d{4}-\\d\\d-\\d\\dT)?\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z?");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** {@code -Dwalkthrough.record=true} writes what the commands print into the pages instead of checking it. */
    private static final boolean RECORD = Boolean.getBoolean("walkthrough.record");
    private static final Pattern AGE = Pattern.compile("(?<![\\w.])\\d+[hms](\\d+[ms])*(?![\\w.])");
    private static final Pattern BYTES = Pattern.compile("\\d+(\\.\\d+)? (B|KiB|MiB)\\b");

    @TempDir
    static Path dir;
    private static Emulator emulator;
    /** The pages' endpoint of each cluster (as {@code adxfed emulator --clusters 2 --hub} gives them), to the one in use. */
    private static final Map<String, String> ENDPOINTS = new LinkedHashMap<>();

    @BeforeAll
    static void startTheClustersThePageStarts() throws IOException {
        start();
    }

    private static void start() throws IOException {
        try {
            emulator = Emulator.start(EmulatorConfig.sample(2, 8080, null).withEmptyHub());
        } catch (IOException taken) {
            emulator = Emulator.start(EmulatorConfig.sample(2, 0, null).withEmptyHub());
        }
        ENDPOINTS.clear();
        for (int i = 0; i < 3; i++) {
            ENDPOINTS.put("http://127.0.0.1:" + (8080 + i), emulator.clusters().get(i).url());
        }
        try (Stream<Path> examples = Files.list(RepositoryRoot.path("deploy/examples"))) {
            for (Path example : examples.filter(p -> p.getFileName().toString().startsWith("emulator-")).toList()) {
                Files.writeString(dir.resolve(example.getFileName()), toActual(Files.readString(example)));
            }
        }
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    @Order(1)
    void theEmulatorWalkthroughRunsAsWritten() throws IOException {
        run("docs/walkthrough.md");
    }

    @Test
    @Order(2)
    void theTroubleshootingQueriesRunOnTheHubTheWalkthroughLeft() throws IOException {
        run("docs/operations.md");
    }

    @Test
    @Order(3)
    void theReadmesQueriesRunOnTheHubTheWalkthroughLeft() throws IOException {
        run("README.md");
    }

    @Test
    @Order(4)
    void theAdxMonTakeoverRehearsalRunsOnFreshClusters() throws IOException {
        emulator.close();
        start();
        run("docs/migrating-from-adx-mon.md");
    }

    private static void run(String page) throws IOException {
        Path file = RepositoryRoot.path(page);
        List<String> pageLines = new ArrayList<>(Files.readAllLines(file));
        Walkthrough walkthrough = Walkthrough.of(String.join("\n", pageLines));
        int shift = 0;
        assertThat(walkthrough.steps()).as(page + " has steps to run").isNotEmpty();
        int lastExit = 0;
        for (Walkthrough.Step step : walkthrough.steps()) {
            if (step instanceof Walkthrough.Command command) {
                List<String> words = Walkthrough.words(toActual(command.text()));
                Run run;
                if (words.equals(List.of("echo", "$?"))) {
                    run = new Run(0, lastExit + "\n", "");
                } else {
                    assertThat(words.get(0)).as(page + ":" + command.line() + " runs adxfed or echo $?").isEqualTo("adxfed");
                    run = Run.of(AdxfedDev.commandLine(), words.subList(1, words.size()).stream()
                            .map(WalkthroughTest::exampleFile).toArray(String[]::new));
                    lastExit = run.exitCode();
                }
                List<String> printed = new ArrayList<>(run.out().lines().map(WalkthroughTest::toPage).toList());
                printed.addAll(run.err().lines().map(WalkthroughTest::toPage).toList());
                if (RECORD) {
                    int at = command.line() + shift;
                    pageLines.subList(at, at + command.output().size()).clear();
                    pageLines.addAll(at, printed);
                    shift += printed.size() - command.output().size();
                    continue;
                }
                assertThat(shape(printed))
                        .as("%s:%d `%s` printed (-Dwalkthrough.record=true writes it into the page):%n%s%n", page,
                                command.line(), command.text(), String.join("\n", printed))
                        .isEqualTo(shape(command.output()));
            } else if (step instanceof Walkthrough.Query query) {
                Run run = Run.of(AdxfedDev.commandLine(), "query", "--endpoint", emulator.clusters().get(2).url(),
                        "--database", query.database(), query.text());
                assertThat(run.exitCode()).as("%s:%d on the hub, database %s:%n%s", page, query.line(), query.database(), run)
                        .isZero();
            }
        }
        if (RECORD) {
            Files.write(file, pageLines);
        }
    }

    /** An example file named on the page is run from its copy on the clusters in use. */
    private static String exampleFile(String word) {
        return word.startsWith("deploy/examples/") ? dir.resolve(word.substring("deploy/examples/".length())).toString() : word;
    }

    private static String toActual(String text) {
        for (Map.Entry<String, String> e : ENDPOINTS.entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        return text;
    }

    private static String toPage(String text) {
        for (Map.Entry<String, String> e : ENDPOINTS.entrySet()) {
            text = text.replace(e.getValue(), e.getKey());
        }
        return text.replace(dir.toString() + "/", "deploy/examples/");
    }

    /** Lines with what varies between runs replaced by its kind, and table padding ignored. */
    private static List<String> shape(List<String> lines) {
        List<String> shaped = new ArrayList<>();
        for (String line : lines) {
            String s = ID.matcher(TIME.matcher(line).replaceAll("<time>")).replaceAll("<id>");
            if (!s.equals(line)) {
                s = AGE.matcher(s).replaceAll("<age>");
            }
            s = BYTES.matcher(s).replaceAll("<bytes>").replaceAll("-{3,}", "---").replaceAll("\\s+", " ").strip();
            shaped.add(s);
        }
        while (!shaped.isEmpty() && shaped.get(shaped.size() - 1).isEmpty()) {
            shaped.remove(shaped.size() - 1);
        }
        return shaped;
    }
}
