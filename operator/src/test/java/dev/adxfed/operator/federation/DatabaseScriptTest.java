package dev.adxfed.operator.federation;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseScriptTest {

    static Command function(String name, int bodyChars) {
        return new Command(Command.Kind.FUNCTION_CREATE_OR_ALTER, name,
                ".create-or-alter function " + name + "() { print '" + "x".repeat(bodyChars) + "' }");
    }

    @Test
    void scriptTextIsTheHeaderThenOneCommandPerLine() {
        DatabaseScript script = new DatabaseScript("Metrics", List.of(function("A", 1), function("B", 1)));
        assertThat(script.text()).isEqualTo(".execute database script with (ContinueOnErrors=true) <|\n"
                + ".create-or-alter function A() { print 'x' }\n"
                + ".create-or-alter function B() { print 'x' }");
    }

    @Test
    void commandsAreSplitSoNoScriptExceedsTheLimit() {
        List<Command> commands = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            commands.add(function("F" + i, 100_000));
        }

        List<DatabaseScript> scripts = DatabaseScript.batches("Metrics", commands, DatabaseScript.MAX_BYTES);

        assertThat(scripts).hasSizeGreaterThan(1);
        assertThat(scripts).allSatisfy(s -> assertThat(s.text().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(DatabaseScript.MAX_BYTES));
        assertThat(scripts.stream().flatMap(s -> s.commands().stream()).toList()).isEqualTo(commands);
        // each full script could not take the next command
        for (int i = 0; i < scripts.size() - 1; i++) {
            int size = scripts.get(i).text().getBytes(StandardCharsets.UTF_8).length;
            int next = scripts.get(i + 1).commands().get(0).text().length() + 1;
            assertThat(size + next).isGreaterThan(DatabaseScript.MAX_BYTES);
        }
    }

    @Test
    void multibyteCharactersCountAsTheirUtf8Bytes() {
        Command wide = new Command(Command.Kind.FUNCTION_CREATE_OR_ALTER, "W", ".create-or-alter function W() { print '" + "é".repeat(300) + "' }");
        List<DatabaseScript> scripts = DatabaseScript.batches("Db", List.of(wide, wide, wide), 1000);
        assertThat(scripts).hasSize(3);
    }

    @Test
    void aCommandLargerThanTheLimitGoesAlone() {
        List<DatabaseScript> scripts = DatabaseScript.batches("Metrics",
                List.of(function("Small", 10), function("Huge", 5000), function("Small2", 10)), 1000);
        assertThat(scripts).extracting(s -> s.commands().size()).containsExactly(1, 1, 1);
    }

    @Test
    void aCommandSpanningLinesIsRefused() {
        Command twoLines = new Command(Command.Kind.FUNCTION_CREATE_OR_ALTER, "T", ".create-or-alter function T() {\nprint 1 }");
        assertThatThrownBy(() -> DatabaseScript.batches("Db", List.of(twoLines), 1000)).hasMessageContaining("one line: T");
    }

    @Test
    void noCommandsNoScript() {
        assertThat(DatabaseScript.batches("Db", List.of(), 1000)).isEmpty();
    }
}
