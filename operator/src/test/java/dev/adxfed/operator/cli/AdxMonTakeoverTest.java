package dev.adxfed.operator.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hub as adx-mon's Go operator leaves it (groups {@code MetricsSpoke} and {@code LogsSpoke} in every hub
 * database, functions {@code macro-expand isfuzzy=true best_effort=true MetricsSpoke as X ( X.Cpu )}, empty
 * tables with adx-mon's OTLP columns under the functions' names, and a heartbeat table holding Go-format
 * rows), taken over by {@code adxfed sync} with the default settings and with the drop-in settings: plan
 * and status say what happens to each of adx-mon's objects, and the federated queries answer the same rows
 * before and after.
 */
class AdxMonTakeoverTest {

    static final String OTLP = "Timestamp:datetime, ObservedTimestamp:datetime, TraceId:string, SpanId:string,"
            + " SeverityText:string, SeverityNumber:int, Body:dynamic, Resource:dynamic, Attributes:dynamic";
    static final List<String> QUERIES = List.of("Cpu | count", "Memory | summarize Rows = count(), Peak = max(UsedBytes)",
            "Requests | count");

    @TempDir
    Path dir;
    private EmulatedFederation clusters;

    @BeforeEach
    void start() throws IOException {
        clusters = new EmulatedFederation();
        leaveAsAdxMonDoes();
    }

    @AfterEach
    void stop() {
        clusters.close();
    }

    private Run hub(String database, String text) {
        Run run = Run.adxfed("query", "--endpoint", clusters.hub, "--database", database, text);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    /** What adx-mon's operator leaves on a hub after it federated the two partitions. */
    private void leaveAsAdxMonDoes() {
        hub("FederationHeartbeats", ".create database FederationHeartbeats volatile");
        hub("FederationHeartbeats", ".create table Heartbeat (Timestamp:datetime, ClusterEndpoint:string, Schema:dynamic,"
                + " PartitionMetadata:dynamic)");
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        for (String partition : List.of(clusters.eastus, clusters.westeurope)) {
            // adx-mon's row: null for an empty list of views, no tableSchemas
            String schema = "[{\"database\":\"Logs\",\"tables\":[\"Requests\"],\"views\":null},"
                    + "{\"database\":\"Metrics\",\"tables\":[\"Cpu\",\"Memory\"],\"views\":null}]";
            hub("FederationHeartbeats", ".ingest inline into table Heartbeat <|\n" + now + "," + partition + ",\""
                    + schema.replace("\"", "\"\"") + "\",\"{\"\"region\"\":\"\"x\"\"}\"");
        }
        for (String database : List.of("Logs", "Metrics")) {
            for (String group : List.of("LogsSpoke", "MetricsSpoke")) {
                String db = group.replace("Spoke", "");
                hub(database, ".create entity_group " + group + " (cluster('" + clusters.eastus + "').database('" + db
                        + "'), cluster('" + clusters.westeurope + "').database('" + db + "'))");
            }
        }
        for (String function : List.of("Metrics.Cpu", "Metrics.Memory", "Logs.Requests")) {
            String database = function.split("\\.")[0];
            String table = function.split("\\.")[1];
            hub(database, ".create table " + table + " (" + OTLP + ")");
            hub(database, ".create-or-alter function " + table + "() { macro-expand isfuzzy=true best_effort=true "
                    + database + "Spoke as X ( X." + table + " ) }");
        }
    }

    private List<String> answers() {
        return QUERIES.stream().map(q -> hub(q.startsWith("Requests") ? "Logs" : "Metrics", q).out()).toList();
    }

    private Run sync(Path file) {
        Run run = Run.adxfed("sync", "-f", file.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    @Test
    void theDefaultSettingsAdoptTheFunctionsKeepThePlaceholdersAndLeaveTheSpokeGroups() throws IOException {
        List<String> before = answers();
        Path hubFile = clusters.hubFile(dir);

        Run plan = Run.adxfed("plan", "-f", hubFile.toString());
        Run status = Run.adxfed("status", "-f", hubFile.toString());
        sync(hubFile);

        assertThat(plan.out()).contains("//  adx-mon entity group Metrics.MetricsSpoke: left as it is: its name does not"
                        + " follow entityGroupNamePattern {database}_Partitions")
                .contains("entityGroupNamePattern: \"{database}Spoke\" adopts it")
                .contains("//  adx-mon function Metrics.Cpu: adopted: the federated form of its name: a sync rewrites it"
                        + " into folder adxfed, listing its partitions inline")
                .contains("//  adx-mon table Logs.Requests: kept: empty, with adx-mon's OTLP columns");
        assertThat(status.out()).contains("Objects of adx-mon's operator on the hub:").containsPattern(
                "Metrics +entity group +MetricsSpoke +left as it is").containsPattern("Metrics +table +Memory +kept");
        assertThat(answers()).as("the same rows after the takeover").isEqualTo(before);
        assertThat(hub("Metrics", ".show functions | project Name, Folder, Body").out())
                .contains("adxfed").contains("isfuzzy=true best_effort=true entity_group [");
        assertThat(hub("Metrics", ".show entity_groups | project Name").out()).contains("MetricsSpoke", "Metrics_Partitions");
        assertThat(hub("Metrics", ".show tables details | project TableName, TotalRowCount").out()).contains("Cpu", "Memory");
        assertThat(Run.adxfed("status", "-f", hubFile.toString()).exitCode()).as("in sync after one sync").isZero();
    }

    @Test
    void theDropInSettingsAdoptTheSpokeGroupsAndKeepAdxMonsFunctionText() throws IOException {
        List<String> before = answers();
        Path hubFile = clusters.hubFile(dir, "heartbeatTTL: 10m\nentityGroupNamePattern: \"{database}Spoke\"\n"
                + "functionMembers: entityGroup\n");

        Run plan = Run.adxfed("plan", "-f", hubFile.toString());
        sync(hubFile);

        assertThat(plan.out()).contains("//  adx-mon entity group Metrics.MetricsSpoke: adopted: follows entityGroupNamePattern")
                .contains("//  adx-mon function Metrics.Cpu: adopted: the federated form of its name: a sync rewrites it"
                        + " into folder adxfed, over its database's group {database}Spoke, with isfuzzy=true best_effort=true");
        assertThat(answers()).as("the same rows after the takeover").isEqualTo(before);
        assertThat(hub("Metrics", ".show function Cpu | project Body").out())
                .contains("{ macro-expand isfuzzy=true best_effort=true MetricsSpoke as X ( X.Cpu ) }");
        assertThat(hub("Metrics", ".show entity_groups | project Name").out()).contains("MetricsSpoke")
                .doesNotContain("Metrics_Partitions");
        Run status = Run.adxfed("status", "-f", hubFile.toString());
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).containsPattern("Metrics +entity group +MetricsSpoke +in sync").doesNotContain("left as it is");
    }
}
