package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.catalog.ClusterCatalog;
import dev.adxfed.kql.KqlParser;
import dev.adxfed.kql.syntax.Command;
import dev.adxfed.kql.syntax.EntityReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.adxfed.emulator.engine.TestClusters.endpoint;
import static dev.adxfed.emulator.engine.TestClusters.row;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunctionValidationTest {
    private final TestClusters clusters = new TestClusters();

    @BeforeEach
    void setUp() {
        ClusterCatalog hub = clusters.cluster("hub", 10000);
        TestClusters.table(hub, "Metrics", "Local", "a:long", row(1L));
        TestClusters.table(clusters.cluster("p1", 10001), "Metrics", "Cpu", "a:long", row(1L));
        TestClusters.table(clusters.cluster("p2", 10002), "Metrics", "Memory", "a:long", row(1L));
        TestClusters.group(hub, "Metrics", "Metrics_Partitions",
                new EntityReference(endpoint(10001), "Metrics"), new EntityReference(endpoint(10002), "Metrics"));
    }

    private void validate(String command) {
        clusters.engine().validateFunction(clusters.context("hub", "Metrics"), (Command.DefineFunction) KqlParser.parseCommand(command));
    }

    @Test
    void aBodyWhoseTablesAllExistIsValid() {
        assertThatCode(() -> validate(".create function F() { Local | where a > 0 }")).doesNotThrowAnyException();
        assertThatCode(() -> validate(".create function F(T:(a:long)) { let L = Local; T | union L }")).doesNotThrowAnyException();
        assertThatCode(() -> validate(".create function F() { cluster('" + endpoint(10001) + "').database('Metrics').Cpu }"))
                .doesNotThrowAnyException();
        assertThatCode(() -> validate(".create function F() { macro-expand isfuzzy=true Metrics_Partitions as X ( X.Cpu ) }"))
                .doesNotThrowAnyException();
    }

    @Test
    void aMissingTableIsSem0100NamingIt() {
        assertThatThrownBy(() -> validate(".create function F() { Missing | count }"))
                .isInstanceOf(KustoError.class).hasMessageContaining("SEM0100").hasMessageContaining("'Missing'");
        assertThatThrownBy(() -> validate(".create function F() { macro-expand Metrics_Partitions as X ( X.Cpu ) }"))
                .isInstanceOf(KustoError.class).hasMessageContaining("SEM0100").hasMessageContaining("'Cpu'")
                .hasMessageContaining(endpoint(10002));
        assertThatThrownBy(() -> validate(".create function F() { Local | join (database('Metrics').Nope) on a }"))
                .isInstanceOf(KustoError.class).hasMessageContaining("'Nope'");
    }

    @Test
    void anUnreachableMemberFailsValidationUnlessBestEffort() {
        String group = "entity_group [cluster('" + endpoint(10001) + "').database('Metrics'), cluster('http://127.0.0.1:19999').database('Metrics')]";
        assertThatThrownBy(() -> validate(".create function F() { macro-expand " + group + " as X ( X.Cpu ) }"))
                .isInstanceOf(KustoError.class).hasMessageContaining("SEM0056").hasMessageContaining("19999");
        assertThatCode(() -> validate(".create function F() { macro-expand best_effort=true " + group + " as X ( X.Cpu ) }"))
                .doesNotThrowAnyException();
    }
}
