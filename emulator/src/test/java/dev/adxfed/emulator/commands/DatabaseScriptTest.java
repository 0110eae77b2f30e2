package dev.adxfed.emulator.commands;

import dev.adxfed.emulator.SampleCluster;
import dev.adxfed.emulator.SdkSession.Rows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseScriptTest {

    @RegisterExtension
    static final SampleCluster CLUSTER = new SampleCluster();

    @Test
    void continueOnErrorsRunsEveryCommandAndReportsEach() {
        Rows rows = CLUSTER.kusto().mgmt("Metrics", """
                .execute database script with (ContinueOnErrors=true) <|
                // the heartbeat table
                .create-merge table Heartbeat (Timestamp:datetime, ClusterEndpoint:string, Schema:dynamic, PartitionMetadata:dynamic)
                .drop function NotThere
                .create-or-alter function Beats() { Heartbeat | take 10 }
                """);

        assertThat(rows.columns()).containsExactly("OperationId", "CommandType", "CommandText", "Result", "Reason");
        assertThat(rows.column("Result")).containsExactly("Completed", "Failed", "Completed");
        assertThat(rows.column("CommandType")).containsExactly("TableCreateMerge", "FunctionDrop", "FunctionCreateOrAlter");
        assertThat((String) rows.column("CommandText").get(0)).startsWith("// the heartbeat table").contains(".create-merge table Heartbeat");
        assertThat((String) rows.column("Reason").get(1)).contains("Function 'NotThere' was not found");
        assertThat(CLUSTER.kusto().mgmt("Metrics", ".show functions").column("Name")).contains("Beats");
        assertThat(CLUSTER.kusto().mgmt("Metrics", ".show tables").column("TableName")).contains("Heartbeat");
    }

    @Test
    void withoutOptionsTheFirstFailureSkipsTheRest() {
        Rows rows = CLUSTER.kusto().mgmt("Metrics", """
                .execute database script <|
                .create table Stop1 (a:long)
                .create-merge table Stop1 (a:string)
                .create table Stop2 (a:long)
                """);

        assertThat(rows.column("Result")).containsExactly("Completed", "Failed", "Skipped");
        assertThat(CLUSTER.kusto().mgmt("Metrics", ".show tables").column("TableName")).contains("Stop1").doesNotContain("Stop2");
    }

    @Test
    void throwOnErrorsFailsTheRequestAfterKeepingEarlierCommands() {
        String error = CLUSTER.kusto().mgmtError("Metrics", """
                .execute database script with (ThrowOnErrors=true) <|
                .create table Thrown1 (a:long)
                .create entity_group G (cluster('http://127.0.0.1:9001').database('Metrics'), cluster('http://127.0.0.1:9001').database('Metrics'))
                .create table Thrown2 (a:long)
                """);

        assertThat(error).contains("line 3 of the script").contains("SEM0614");
        assertThat(CLUSTER.kusto().mgmt("Metrics", ".show tables").column("TableName")).contains("Thrown1").doesNotContain("Thrown2");
    }

    @Test
    void aCommandThatDoesNotParseFailsAloneWithItsSyntaxError() {
        Rows rows = CLUSTER.kusto().mgmt("Metrics", """
                .execute database script with (ContinueOnErrors=true) <|
                .create table Parsed (a:long)
                .create tabel Oops (a:long)
                """);

        assertThat(rows.column("Result")).containsExactly("Completed", "Failed");
        assertThat((String) rows.column("Reason").get(1)).contains("SYN0002");
    }

    @Test
    void showCommandsAndQueriesRecordsEveryCommandWithAdxColumns() {
        CLUSTER.kusto().mgmtError("Metrics", ".drop table NeverWas");
        CLUSTER.kusto().mgmt("Metrics", ".show tables");
        CLUSTER.kusto().query("Metrics", "Cpu | count");
        assertThat(CLUSTER.kusto().mgmtError("Metrics", "Cpu | take 1")).contains("this is a query, not a management command");

        Rows log = CLUSTER.kusto().mgmt("Metrics", ".show commands-and-queries");

        assertThat(log.columns()).containsExactly("ClientActivityId", "CommandType", "Text", "Database", "StartedOn",
                "LastUpdatedOn", "Duration", "State", "FailureReason", "RootActivityId", "User", "Application", "Principal",
                "ClientRequestProperties", "TotalCpu", "MemoryPeak", "CacheStatistics", "ScannedExtentsStatistics",
                "ResultSetStatistics", "WorkloadGroup");
        int failed = log.column("Text").lastIndexOf(".drop table NeverWas");
        assertThat(log.column("State").get(failed)).isEqualTo("Failed");
        assertThat((String) log.column("FailureReason").get(failed)).contains("Table 'NeverWas' was not found");
        assertThat(log.column("CommandType").get(failed)).isEqualTo("TableDrop");
        assertThat(log.column("Database").get(failed)).isEqualTo("Metrics");
        int shown = log.column("Text").lastIndexOf(".show tables");
        assertThat(log.column("State").get(shown)).isEqualTo("Completed");
        assertThat((String) log.column("ClientActivityId").get(shown)).isNotBlank();
        int query = log.column("Text").lastIndexOf("Cpu | count");
        assertThat(log.column("CommandType").get(query)).isEqualTo("Query");
        assertThat(log.column("State").get(query)).isEqualTo("Completed");
    }
}
