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
    void showTablesDetailsCountsEachTablesRowsAndTakesAPipe() {
        CLUSTER.kusto().mgmt("Logs", ".create table Placeholder (Timestamp:datetime, Body:dynamic)");

        Rows details = CLUSTER.kusto().mgmt("Logs", ".show tables details");
        assertThat(details.columns()).startsWith("TableName", "DatabaseName", "Folder", "DocString", "TotalExtents")
                .contains("TotalRowCount", "HotRowCount", "MaxExtentsCreationTime");
        Rows counts = CLUSTER.kusto().mgmt("Logs", ".show tables details | project TableName, TotalRowCount"
                + " | where TableName in ('Placeholder', 'Requests') | order by TableName asc");
        assertThat(counts.column("TableName")).containsExactly("Placeholder", "Requests");
        assertThat(((Number) counts.rows().get(0).get(1)).longValue()).isZero();
        assertThat(((Number) counts.rows().get(1).get(1)).longValue()).isPositive();
    }

    @Test
    void createShowAndDropATable() {
        Rows created = CLUSTER.kusto().mgmt("Logs", ".create table Events (Timestamp:datetime, Name:string, Count:long) with (folder=\"ops\", docstring=\"what happened\")");
        assertThat(created.columns()).containsExactly("TableName", "Schema", "DatabaseName", "Folder", "DocString");
        assertThat(created.rows()).containsExactly(List.of("Events", "{\"Name\":\"Events\",\"Folder\":\"ops\",\"DocString\":\"what happened\","
                + "\"OrderedColumns\":[{\"Name\":\"Timestamp\",\"Type\":\"System.DateTime\",\"CslType\":\"datetime\",\"DocString\":\"\"},"
                + "{\"Name\":\"Name\",\"Type\":\"System.String\",\"CslType\":\"string\",\"DocString\":\"\"},"
                + "{\"Name\":\"Count\",\"Type\":\"System.Int64\",\"CslType\":\"long\",\"DocString\":\"\"}]}",
                "Logs", "ops", "what happened"));

        Rows tables = CLUSTER.kusto().mgmt("Logs", ".show tables");
        assertThat(tables.columns()).containsExactly("TableName", "DatabaseName", "Folder", "DocString");
        assertThat(tables.rows()).contains(List.of("Events", "Logs", "ops", "what happened"), List.of("Requests", "Logs", "", ""));
        assertThat(CLUSTER.kusto().mgmt("Logs", ".show tables (Events)").column("TableName")).containsExactly("Events");

        assertThat(CLUSTER.kusto().mgmt("Logs", ".create table Events (Timestamp:datetime, Name:string, Count:long)").single("TableName"))
                .as("the same table again changes nothing").isEqualTo("Events");
        Rows other = CLUSTER.kusto().mgmt("Logs", ".create table Events (Timestamp:datetime) with (folder=\"elsewhere\")");
        assertThat(other.rows()).as("an existing table is returned as it is, whatever the command says")
                .isEqualTo(created.rows());
        assertThat(table("Logs", "Events").columns()).extracting(c -> c.name()).containsExactly("Timestamp", "Name", "Count");

        Rows remaining = CLUSTER.kusto().mgmt("Logs", ".drop table Events");
        assertThat(remaining.columns()).containsExactly("TableName", "DatabaseName");
        assertThat(remaining.column("TableName")).doesNotContain("Events").contains("Requests");
        assertThat(CLUSTER.kusto().mgmtError("Logs", ".drop table Events")).contains("Table 'Events' was not found");
        assertThat(CLUSTER.kusto().mgmt("Logs", ".drop table Events ifexists").column("TableName")).doesNotContain("Events").contains("Requests");
        assertThat(CLUSTER.kusto().mgmtError("Logs", ".show tables (Events)")).contains("Table 'Events' was not found");
    }

    @Test
    void createMergeAddsMissingColumnsAndRefusesToChangeATypeLeavingTheTableAsItWas() {
        CLUSTER.kusto().mgmt("Logs", ".create-merge table Pages (Url:string)");
        Rows merged = CLUSTER.kusto().mgmt("Logs", ".create-merge table Pages (Url:string, Status:int, Elapsed:timespan)");
        assertThat((String) merged.single("Schema")).contains("\"Name\":\"Pages\"")
                .contains("\"Name\":\"Url\"", "\"Name\":\"Status\",\"Type\":\"System.Int32\",\"CslType\":\"int\"", "\"Name\":\"Elapsed\"");

        assertThat(CLUSTER.kusto().mgmtError("Logs", ".create-merge table Pages (Status:string, Extra:long)"))
                .contains("column Status is int, cannot change it to string");
        assertThat(table("Logs", "Pages").columns()).extracting(c -> c.name()).containsExactly("Url", "Status", "Elapsed");
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
    void aValueThatDoesNotFitItsColumnIsStoredAsNullAndTheRestOfTheRowKept() {
        CLUSTER.kusto().mgmt("Ingest", ".create table Readings (Host:string, Value:real, Count:long, Tags:dynamic, At:datetime)");

        Rows result = CLUSTER.kusto().mgmt("Ingest", ".ingest inline into table Readings <|\n"
                + "web-1,lots,12,\"{\"\"k\"\":1}\",2024-05-01T10:00:00Z\n"
                + "web-2,0.75,many,not json,yesterday");

        assertThat(result.single("HasErrors")).isEqualTo(false);
        List<Object[]> rows = table("Ingest", "Readings").rows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly("web-1", null, 12L, rows.get(0)[3], Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(rows.get(0)[3].toString()).isEqualTo("{\"k\":1}");
        assertThat(rows.get(1)).containsExactly("web-2", 0.75, null, null, null);
        SdkSession.Rows read = CLUSTER.kusto().query("Ingest", "Readings | where isnull(Value) or isnull(Count) | project Host");
        assertThat(read.column("Host")).containsExactly("web-1", "web-2");
    }

    @Test
    void aValueOverOneMegabyteIsTruncatedInAStringColumnAndNullInADynamicOne() {
        CLUSTER.kusto().mgmt("Ingest", ".create table Large (Id:long, Text:string, Payload:dynamic)");
        String big = "é".repeat(600_000);
        String json = "[" + "1,".repeat(600_000) + "1]";

        CLUSTER.kusto().mgmt("Ingest", ".ingest inline into table Large <|\n1," + big + ",\"" + json + "\"\n2,small,[1]");

        List<Object[]> rows = table("Ingest", "Large").rows();
        assertThat(rows).hasSize(2);
        String stored = (String) rows.get(0)[1];
        assertThat(stored.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(1024 * 1024);
        assertThat(big).startsWith(stored);
        assertThat(rows.get(0)[2]).isNull();
        assertThat(rows.get(1)[1]).isEqualTo("small");
        assertThat(rows.get(1)[2].toString()).isEqualTo("[1]");
    }

    @Test
    void aLineWithTheWrongNumberOfFieldsFailsWithStreamWrongNumberOfFieldsAndStoresNothing() {
        CLUSTER.kusto().mgmt("Ingest", ".create table Samples (Host:string, Value:real)");
        CLUSTER.kusto().mgmt("Ingest", ".ingest inline into table Samples <|\nweb-1,0.5");

        String error = CLUSTER.kusto().mgmtError("Ingest", ".ingest inline into table Samples <|\nweb-2,0.75\nweb-3,1,extra\nweb-4,1");

        assertThat(error).contains("Stream_WrongNumberOfFields").contains("line 2 has 3 fields but the table has 2 columns")
                .contains("nothing was ingested");
        assertThat(CLUSTER.kusto().mgmtError("Ingest", ".ingest inline into table Samples <|\nweb-5,\"unclosed"))
                .contains("Stream_ClosingQuoteMissing");
        assertThat(CLUSTER.kusto().mgmtError("Ingest", ".ingest inline into table Nowhere <|\na,1")).contains("Table 'Nowhere' was not found");
        SdkSession.Rows samples = CLUSTER.kusto().query("Ingest", "Samples | project Host, Value");
        assertThat(samples.column("Host")).containsExactly("web-1");
        assertThat(samples.column("Value")).extracting(v -> ((Number) v).doubleValue()).containsExactly(0.5);
    }

    @Test
    void emptyDataFailsWithNoRecordsOrWrongFormat() {
        CLUSTER.kusto().mgmt("Ingest", ".create table Quiet (Host:string)");

        assertThat(CLUSTER.kusto().mgmtError("Ingest", ".ingest inline into table Quiet <|\n"))
                .contains("BadRequest_NoRecordsOrWrongFormat").contains("no records");
        assertThat(CLUSTER.kusto().mgmtError("Ingest", ".ingest inline into table Quiet with (ignoreFirstRecord=true) <|\nHost"))
                .contains("BadRequest_NoRecordsOrWrongFormat").contains("ignoreFirstRecord");
        assertThat(table("Ingest", "Quiet").rows()).isEmpty();
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
        Rows counted = CLUSTER.kusto().mgmt("Logs", ".show tables | where TableName == \"Requests\" | count");
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
