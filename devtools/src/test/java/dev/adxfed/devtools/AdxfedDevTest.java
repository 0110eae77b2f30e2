package dev.adxfed.devtools;

import dev.adxfed.operator.cli.Adxfed;
import dev.adxfed.operator.cli.Run;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher runs every command: the operator jar's own, whatever they are, and the developer ones. */
class AdxfedDevTest {

    private static final Set<String> DEVELOPER_COMMANDS = Set.of("demo", "emulator", "bench");

    @Test
    void theLauncherHasEveryOperatorCommandAndTheDeveloperCommands() {
        Set<String> operator = Adxfed.commandLine().getSubcommands().keySet();
        Set<String> launcher = AdxfedDev.commandLine().getSubcommands().keySet();

        assertThat(operator).contains("operator", "sync", "plan", "query").doesNotContainAnyElementsOf(DEVELOPER_COMMANDS);
        assertThat(launcher).containsAll(operator).containsAll(DEVELOPER_COMMANDS).hasSize(operator.size() + DEVELOPER_COMMANDS.size());
    }

    @Test
    void developerCommandsTakeTheSharedOptionsAndReportErrorsLikeTheOthers() {
        Run run = Run.of(AdxfedDev.commandLine(), "emulator", "--log-level", "loud");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("adxfed emulator: ").contains("'loud' is not one of error, warn, info, debug, trace");
    }

    @Test
    void helpListsTheDeveloperCommands() {
        Run run = Run.of(AdxfedDev.commandLine(), "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("(?m)^  demo ").containsPattern("(?m)^  bench ").containsPattern("(?m)^  sync ");
    }
}
