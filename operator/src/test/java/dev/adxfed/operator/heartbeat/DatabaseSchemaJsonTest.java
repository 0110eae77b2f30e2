package dev.adxfed.operator.heartbeat;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseSchemaJsonTest {

    // The shape Kusto answers to .show database Metrics schema as json with (Functions=true).
    static final String METRICS_SCHEMA = """
            {"Databases":{"Metrics":{"Name":"Metrics","MajorVersion":3,"MinorVersion":7,
              "Tables":{
                "Mem":{"Name":"Mem","DocString":"","OrderedColumns":[
                  {"Name":"Timestamp","Type":"System.DateTime","CslType":"datetime"},
                  {"Name":"Bytes","Type":"System.Int64","CslType":"long"}]},
                "Cpu":{"Name":"Cpu","OrderedColumns":[
                  {"Name":"Timestamp","Type":"System.DateTime","CslType":"datetime"},
                  {"Name":"Labels","Type":"System.Object","CslType":"dynamic"},
                  {"Name":"Value","Type":"System.Double","CslType":"real"}]}},
              "ExternalTables":{},"MaterializedViews":{},
              "Functions":{
                "CpuByHost":{"Name":"CpuByHost","InputParameters":[],"Body":"{ Cpu | summarize avg(Value) by Host=tostring(Labels.host) }",
                  "Folder":"","DocString":"","FunctionKind":"ViewFunction",
                  "OutputColumns":[{"Name":"Host","Type":"System.String","CslType":"string"},
                                   {"Name":"avg_Value","Type":"System.Double","CslType":"real"}]},
                "Helper":{"Name":"Helper","InputParameters":[{"Name":"x","Type":"System.Int64","CslType":"long"}],
                  "Body":"{ x + 1 }","FunctionKind":"Unknown","OutputColumns":[]}},
              "EntityGroups":{}}}}
            """;

    @Test
    void readsTablesWithColumnsAndViewsButNotOtherFunctions() {
        DatabaseSchema db = DatabaseSchemaJson.read("Metrics", METRICS_SCHEMA);

        assertThat(db.name()).isEqualTo("Metrics");
        assertThat(db.tables()).extracting(TableSchema::name).containsExactly("Cpu", "Mem");
        assertThat(db.tables().get(0).columns()).containsExactly(new Column("Timestamp", "datetime"),
                new Column("Labels", "dynamic"), new Column("Value", "real"));
        assertThat(db.views()).containsExactly(new TableSchema("CpuByHost",
                List.of(new Column("Host", "string"), new Column("avg_Value", "real"))));
    }

    @Test
    void emptyDatabaseHasNoTablesOrViews() {
        DatabaseSchema db = DatabaseSchemaJson.read("Empty", "{\"Databases\":{\"Empty\":{\"Name\":\"Empty\",\"Tables\":{},\"Functions\":{}}}}");
        assertThat(db.tables()).isEmpty();
        assertThat(db.views()).isEmpty();
    }

    @Test
    void textThatIsNotJsonIsRejectedNamingTheDatabase() {
        assertThatThrownBy(() -> DatabaseSchemaJson.read("Logs", "{\"Databases\":"))
                .hasMessageStartingWith("schema of database Logs is not JSON");
    }

    @Test
    void schemaOfAnotherDatabaseIsRejected() {
        assertThatThrownBy(() -> DatabaseSchemaJson.read("Logs", METRICS_SCHEMA))
                .hasMessage("schema of database Logs has no Databases.Logs object");
    }
}
