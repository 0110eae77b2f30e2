package dev.adxfed.emulator.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adxfed.emulator.SampleCluster;
import dev.adxfed.emulator.SdkSession.Rows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseCommandsTest {

    @RegisterExtension
    static final SampleCluster CLUSTER = new SampleCluster();

    @Test
    void showDatabasesListsTheSampleDatabasesWithKustainersColumns() {
        Rows rows = CLUSTER.kusto().mgmt("Metrics", ".show databases");

        assertThat(rows.columns()).containsExactly("DatabaseName", "PersistentStorage", "Version", "IsCurrent",
                "DatabaseAccessMode", "PrettyName", "ReservedSlot1", "DatabaseId", "InTransitionTo", "SuspensionState");
        assertThat(rows.types()).containsExactly("string", "string", "string", "bool", "string", "string", "bool", "guid",
                "string", "string");
        assertThat(rows.column("DatabaseName")).contains("Logs", "Metrics");
        int metrics = rows.column("DatabaseName").indexOf("Metrics");
        assertThat(rows.column("IsCurrent").get(metrics)).isEqualTo(true);
    }

    @Test
    void createAndDropADatabase() {
        Rows created = CLUSTER.kusto().mgmt("Metrics", ".create database Scratch volatile");
        assertThat(created.single("DatabaseName")).isEqualTo("Scratch");
        assertThat(CLUSTER.kusto().mgmt("Metrics", ".show databases").column("DatabaseName")).contains("Scratch");

        assertThat(CLUSTER.kusto().mgmtError("Metrics", ".create database Scratch volatile"))
                .contains("Database 'Scratch' already exists");
        assertThat(CLUSTER.kusto().mgmt("Metrics", ".create database Scratch volatile ifnotexists").single("DatabaseName"))
                .isEqualTo("Scratch");

        Rows remaining = CLUSTER.kusto().mgmt("Metrics", ".drop database Scratch");
        assertThat(remaining.column("DatabaseName")).doesNotContain("Scratch").contains("Metrics");
        assertThat(CLUSTER.kusto().mgmtError("Metrics", ".drop database Scratch")).contains("Database 'Scratch' was not found");
        assertThat(CLUSTER.kusto().mgmt("Metrics", ".drop database Scratch ifexists").column("DatabaseName")).doesNotContain("Scratch");
    }

    @Test
    void aPersistentDatabaseSaysSo() {
        CLUSTER.kusto().mgmt("Metrics", ".create database Kept persist (@\"/kusto/data/Kept/md\", @\"/kusto/data/Kept/data\")");
        Rows rows = CLUSTER.kusto().mgmt("Metrics", ".show databases");
        int kept = rows.column("DatabaseName").indexOf("Kept");
        assertThat(rows.column("PersistentStorage").get(kept)).isEqualTo("persist");
        CLUSTER.kusto().mgmt("Metrics", ".drop database Kept");
    }

    @Test
    void aDatabaseNameWithReservedUnderscoresIsRejectedAndNothingIsCreated() {
        assertThat(CLUSTER.kusto().mgmtError("Metrics", ".create database ['__hidden'] volatile"))
                .contains("Database name '__hidden'").contains("is not valid");
        assertThat(CLUSTER.kusto().mgmt("Metrics", ".show databases").column("DatabaseName")).doesNotContain("__hidden");
    }

    @Test
    void aCommandWithASyntaxErrorNamesWhere() {
        assertThat(CLUSTER.kusto().mgmtError("Metrics", ".create database (Oops) volatile"))
                .contains("SYN0002").contains("line [1,");
    }

    @Test
    void schemaRowsListTheDatabaseThenEachTableThenItsColumns() {
        Rows rows = CLUSTER.kusto().mgmt("Metrics", ".show database Metrics schema");

        assertThat(rows.columns()).containsExactly("DatabaseName", "TableName", "ColumnName", "ColumnType",
                "IsDefaultTable", "IsDefaultColumn", "PrettyName", "Version", "Folder", "DocString");
        assertThat(rows.rows().get(0).subList(0, 4)).containsExactly("Metrics", "", "", "");
        assertThat(rows.rows()).anySatisfy(r -> assertThat(r.subList(1, 4)).containsExactly("Cpu", "", ""));
        assertThat(rows.rows()).anySatisfy(r -> assertThat(r.subList(1, 4)).containsExactly("Cpu", "Timestamp", "System.DateTime"));
        assertThat(rows.rows()).anySatisfy(r -> assertThat(r.subList(1, 4)).containsExactly("Memory", "UsedBytes", "System.Int64"));
        assertThat(CLUSTER.kusto().mgmt("Metrics", ".show database schema").rows()).isEqualTo(rows.rows());
    }

    @Test
    void schemaAsJsonHasTablesColumnsFunctionsAndEntityGroups() throws Exception {
        CLUSTER.kusto().mgmt("Metrics", ".create-or-alter function with (view=true, folder=\"views\") BusyHosts() { Cpu | where Value > 30 }");
        CLUSTER.kusto().mgmt("Metrics", ".create entity_group Everywhere (cluster('http://127.0.0.1:1').database('Metrics'))");

        Rows rows = CLUSTER.kusto().mgmt("Metrics", ".show database Metrics schema as json with (Functions=true)");

        assertThat(rows.columns()).containsExactly("DatabaseSchema");
        JsonNode db = new ObjectMapper().readTree((String) rows.single("DatabaseSchema")).path("Databases").path("Metrics");
        assertThat(db.path("Tables").path("Cpu").path("OrderedColumns").findValuesAsText("CslType"))
                .containsExactly("datetime", "string", "real");
        JsonNode view = db.path("Functions").path("BusyHosts");
        assertThat(view.path("FunctionKind").asText()).isEqualTo("ViewFunction");
        assertThat(view.path("Body").asText()).isEqualTo("{ Cpu | where Value > 30 }");
        assertThat(view.path("Folder").asText()).isEqualTo("views");
        assertThat(db.path("EntityGroups").path("Everywhere").get(0).asText())
                .isEqualTo("cluster('http://127.0.0.1:1').database('Metrics')");

        JsonNode tablesOnly = new ObjectMapper().readTree((String) CLUSTER.kusto().mgmt("Metrics",
                ".show database Metrics schema as json with (Tables=true)").single("DatabaseSchema"));
        assertThat(tablesOnly.path("Databases").path("Metrics").path("Functions").size()).isZero();

        CLUSTER.kusto().mgmt("Metrics", ".drop function BusyHosts");
        CLUSTER.kusto().mgmt("Metrics", ".drop entity_group Everywhere");
    }

    @Test
    void theSchemaOfAnUnknownDatabaseIsNotFound() {
        assertThat(CLUSTER.kusto().mgmtError("Metrics", ".show database Nope schema")).contains("Database 'Nope' was not found");
        assertThat(List.of(CLUSTER.kusto().mgmtError("Nope", ".show tables"))).allSatisfy(m -> assertThat(m).contains("Database 'Nope' was not found"));
    }
}
