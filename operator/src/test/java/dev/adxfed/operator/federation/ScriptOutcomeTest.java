package dev.adxfed.operator.federation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptOutcomeTest {

    static final DatabaseScript SCRIPT = new DatabaseScript("Metrics", List.of(
            EntityGroup.dropCommand("Logs_Partitions"),
            new EntityGroup("Metrics_Partitions", List.of("cluster('http://a').database('Metrics')")).createCommand(),
            FederatedFunction.of("Cpu", "Metrics", List.of("http://a"), false).createOrAlterCommand("adxfed")));

    @Test
    void perCommandResultsAreCountedByKindAndFailuresKeepTheirReason() {
        ScriptOutcome outcome = ScriptOutcome.read(SCRIPT, List.of(
                new ScriptOutcome.Row("EntityGroupDrop", ".drop entity_group Logs_Partitions", "Failed",
                        "Entity group 'Logs_Partitions' was not found"),
                new ScriptOutcome.Row("EntityGroupCreate", "...", "Completed", ""),
                new ScriptOutcome.Row("FunctionCreateOrAlter", "...", "Completed", "")));

        assertThat(outcome.completed()).isEqualTo(Map.of(Command.Kind.ENTITY_GROUP_CREATE, 1,
                Command.Kind.FUNCTION_CREATE_OR_ALTER, 1));
        assertThat(outcome.failed()).isEqualTo(Map.of(Command.Kind.ENTITY_GROUP_DROP, 1));
        assertThat(outcome.failures()).containsExactly(
                "entityGroup.drop Logs_Partitions in Metrics: Failed Entity group 'Logs_Partitions' was not found");
    }

    @Test
    void skippedAndMissingRowsCountAsFailed() {
        ScriptOutcome outcome = ScriptOutcome.read(SCRIPT, List.of(
                new ScriptOutcome.Row("EntityGroupDrop", "...", "Skipped", "an earlier command failed")));
        assertThat(outcome.failed()).isEqualTo(Map.of(Command.Kind.ENTITY_GROUP_DROP, 1,
                Command.Kind.ENTITY_GROUP_CREATE, 1, Command.Kind.FUNCTION_CREATE_OR_ALTER, 1));
        assertThat(outcome.failures()).contains("function.createOrAlter Cpu in Metrics: no result row");
    }

    @Test
    void aRefusedScriptFailsEveryCommandWithTheError() {
        ScriptOutcome outcome = ScriptOutcome.refused(SCRIPT, "timed out");
        assertThat(outcome.completed()).isEmpty();
        assertThat(outcome.failed().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
        assertThat(outcome.failures()).containsExactly("script of 3 commands in Metrics failed: timed out");
    }
}
