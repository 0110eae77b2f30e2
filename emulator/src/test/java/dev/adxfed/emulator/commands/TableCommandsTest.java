package dev.adxfed.emulator.commands;

import dev.adxfed.emulator.SampleCluster;
import dev.adxfed.emulator.SdkSession;
import dev.adxfed.emulator.SdkSession.Rows;
import dev.adxfed.emulator.catalog.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TableCommandsTest {

    @RegisterExtension
    static final SampleCluster CLUSTER = new SampleCluster();

    @BeforeAll
    static void createIngestDatabase() {
        CLUSTER.kusto().mgmt("Logs", ".create database Ingest volatile");
    }

    @Test
    void createShowAndDropATable() {
        Rows created = CLUSTER.kusto().mgmt("Logs", ".create table Events (Timestamp:datetime, Name:string, Count:long) with (folder=\"ops\", docstring=\"what happened\")");
        assertThat(created.columns()).containsExactly("TableName", "Schema", "DatabaseName", "Folder", "DocString");
        assertThat(created.rows()).containsExactly(List.of("Events", "Timestamp:datetime,Name:string,Count:long", "Logs", "ops", "what happened"));

        Rows tables = CLUSTER.kusto().mgmt("Logs", ".show tables");
        assertThat(tables.columns()).containsExactly("TableName", "DatabaseName", "Folder", "DocString");
        assertThat(tables.rows()).contains(List.of("Events", "Logs", "ops", "what happened"), List.of("Traces", "Logs", "", ""));
        assertThat(CLUSTER.kusto().mgmt("Logs", ".show tables (Events)").column("TableName")).containsExactly("Events");

        assertThat(CLUSTER.kusto().mgmt("Logs", ".create table Events (Timestamp:datetime, Name:string, Count:long)").single("TableName"))
                .as("the same table again changes nothing").isEqualTo("Events");
        assertThat(CLUSTER.kusto().mgmtError("Logs", ".create table Events (Timestamp:datetime)"))
                .contains("Table 'Events' already exists with the schema (Timestamp:datetime,Name:string,Count:long)");

        Rows remaining = CLUSTER.kusto().mgmt("Logs", ".drop table Events");
        assertThat(remaining.columns()).containsExactly("TableName", "DatabaseName");
        assertThat(remaining.column("TableName")).doesNotContain("Events").contains("Traces");
        assertThat(CLUSTER.kusto().mgmtError("Logs", ".drop table Events")).contains("Table 'Events' was not found");
        assertThat(CLUSTER.kusto().mgmt("Logs", ".drop table Events ifexists").column("TableName")).doesNotContain("Events").contains("Traces");
        assertThat(CLUSTER.kusto().mgmtError("Logs", ".show tables (Events)")).contains("Table 'Events' was not found");
    }

    @Test
    void createMergeAddsMissingColumnsAndRefusesToChangeATypeLeavingTheTableAsItWas() {
        CLUSTER.kusto().mgmt("Logs", ".create-merge table Requests (Url:string)");
        Rows merged = CLUSTER.kusto().mgmt("Logs", ".create-merge table Requests (Url:string, Status:int, Elapsed:timespan)");
        assertThat(merged.single("Schema")).isEqualTo("Url:string,Status:int,Elapsed:timespan");

        assertThat(CLUSTER.kusto().mgmtError("Logs", ".create-merge table Requests (Status:string, Extra:long)"))
                .contains("column Status is int, cannot change it to string");
        assertThat(table("Logs", "Requests").columns()).extracting(c -> c.name()).containsExactly("Url", "Status", "Elapsed");
    }

    @Test
    void badColumnTypesAndDuplicateColumnsAreRejected() {
        assertThat(CLUSTER.kusto().mgmtError("Logs", ".create table Bad (a:long, a:string)")).contains("declares column a twice");
        assertThat(CLUSTER.kusto().mgmt("Logs", ".show tables").column("TableName")).doesNotContain("Bad");
    }

    @Test
    void ingestInlineConvertsEveryValueToItsColumnType() {
        CLUSTER.kusto().mgmt("Ingest", ".create table AllTypes (b:bool, i:int, l:long, r:real, d:decimal, s:string, t:datetime, ts:timespan, g:guid, dyn:dynamic)");

        Rows result = CLUSTER.kusto().mgmt("Ingest", """
                .ingest inline into table AllTypes <|
                true,1,10000000000,1.5,2.25,"a, ""quoted"" text",2024-05-01T10:00:00Z,01:30:00,0f8fad5b-d9cb-469f-a165-70867728950e,"{""k"":[1,2]}"
                false,,,,,,,,,
                """);

        assertThat(result.columns()).containsExactly("ExtentId", "ItemLoaded", "Duration", "HasErrors", "OperationId");
        assertThat(result.single("HasErrors")).isEqualTo(false);
        List<Object[]> rows = table("Ingest", "AllTypes").rows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly(true, 1, 10_000_000_000L, 1.5, new BigDecimal("2.25"), "a, \"quoted\" text",
                Instant.parse("2024-05-01T10:00:00Z"), Duration.ofMinutes(90), UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"),
                rows.get(0)[9]);
        assertThat(rows.get(0)[9].toString()).isEqualTo("{\"k\":[1,2]}");
        assertThat(rows.get(1)).containsExactly(false, null, null, null, null, "", null, null, null, null);
    }

    @Test
    void aBadValueRejectsTheWholeIngestionNamingLineAndColumn() {
        CLUSTER.kusto().mgmt("Ingest", ".create table Samples (Host:string, Value:real)");
        CLUSTER.kusto().mgmt("Ingest", ".ingest inline into table Samples <|\nweb-1,0.5");

        String error = CLUSTER.kusto().mgmtError("Ingest", ".ingest inline into table Samples <|\nweb-2,0.75\nweb-3,lots\nweb-4,1");

        assertThat(error).contains("line 2, column 2 (Value:real): 'lots' is not a valid real").contains("nothing was ingested");
        assertThat(((Number) CLUSTER.kusto().query("Ingest", "Samples | count").single("Count")).longValue()).isEqualTo(1L);
        assertThat(CLUSTER.kusto().mgmtError("Ingest", ".ingest inline into table Samples <|\nweb-2,0.75,extra"))
                .contains("line 1 has 3 fields but the table has 2 columns");
        assertThat(CLUSTER.kusto().mgmtError("Ingest", ".ingest inline into table Nowhere <|\na,1")).contains("Table 'Nowhere' was not found");
        SdkSession.Rows samples = CLUSTER.kusto().query("Ingest", "Samples | project Host, Value");
        assertThat(samples.column("Host")).containsExactly("web-1");
        assertThat(samples.column("Value")).extracting(v -> ((Number) v).doubleValue()).containsExactly(0.5);
    }

    @Test
    void ingestionKeepsNonAsciiTextIntact() {
        CLUSTER.kusto().mgmt("Ingest", ".create table Words (Word:string)");
        CLUSTER.kusto().mgmt("Ingest", ".ingest inline into table Words <|\nZürich\n日本");
        assertThat(CLUSTER.kusto().query("Ingest", "Words").column("Word")).containsExactly("Zürich", "日本");
        assertThat(CLUSTER.kusto().mgmt("Ingest", ".show database Ingest schema").column("TableName")).contains("Words");
    }

    @Test
    void aCommandsResultGoesThroughQueryOperators() {
        Rows counted = CLUSTER.kusto().mgmt("Logs", ".show tables | where TableName == \"Traces\" | count");
        assertThat(counted.columns()).containsExactly("Count");
        assertThat(((Number) counted.single("Count")).longValue()).isEqualTo(1L);

        Rows projected = CLUSTER.kusto().mgmt("Metrics", ".show tables | extend Loud = toupper(TableName) | project Loud | take 5");
        assertThat(projected.column("Loud")).containsExactly("CPU", "MEMORY");

        assertThat(CLUSTER.kusto().mgmtError("Logs", ".show tables | where NoSuchColumn == 1")).contains("NoSuchColumn");
    }

    private static Table table(String database, String name) {
        return CLUSTER.emulator().clusters().get(0).catalog().database(database).orElseThrow().table(name).orElseThrow();
    }
}
