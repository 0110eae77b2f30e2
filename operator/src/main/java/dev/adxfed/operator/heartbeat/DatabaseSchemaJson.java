package dev.adxfed.operator.heartbeat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the DatabaseSchema cell of {@code .show database D schema as json with (Functions=true)}: one
 * call gives the tables with their columns and the views with their output columns.
 */
public final class DatabaseSchemaJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VIEW_KIND = "ViewFunction";

    private DatabaseSchemaJson() {}

    public static DatabaseSchema read(String database, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("schema of database " + database + " is not JSON: "
                    + e.getOriginalMessage());
        }
        JsonNode db = root.path("Databases").path(database);
        if (!db.isObject()) {
            throw new IllegalArgumentException("schema of database " + database
                    + " has no Databases." + database + " object");
        }
        List<TableSchema> tables = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = db.path("Tables").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> table = it.next();
            tables.add(new TableSchema(table.getKey(), columns(table.getValue().path("OrderedColumns"))));
        }
        List<TableSchema> views = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = db.path("Functions").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> function = it.next();
            if (VIEW_KIND.equals(function.getValue().path("FunctionKind").asText())) {
                views.add(new TableSchema(function.getKey(), columns(function.getValue().path("OutputColumns"))));
            }
        }
        return new DatabaseSchema(database, tables, views);
    }

    private static List<Column> columns(JsonNode array) {
        List<Column> columns = new ArrayList<>();
        for (JsonNode column : array) {
            columns.add(new Column(column.path("Name").asText(), column.path("CslType").asText()));
        }
        return columns;
    }
}
