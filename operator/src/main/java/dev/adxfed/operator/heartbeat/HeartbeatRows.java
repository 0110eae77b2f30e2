package dev.adxfed.operator.heartbeat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adxfed.kql.KqlText;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows one heartbeat is sent as, so that no Schema value goes over the hub's limit: one row as adx-mon
 * writes it when it fits; else one row without {@code tableSchemas}; else that Schema split over several rows,
 * each a valid Schema array of whole databases or of chunks of one database's tables and views. The parts
 * share the heartbeat's Timestamp and carry its id, their number and their count in PartitionMetadata.
 *
 * @param shape       which step the heartbeat took
 * @param rows        the CSV rows, in order
 * @param schemaBytes the UTF-8 bytes of the Schema value of the whole heartbeat as adx-mon would write it
 */
public record HeartbeatRows(HeartbeatShape shape, List<String> rows, long schemaBytes) {

    /** PartitionMetadata keys of a split heartbeat's parts; the hub does not show them to partitionSelector. */
    public static final String ID_KEY = "adxfedHeartbeatId";
    public static final String PART_KEY = "adxfedHeartbeatPart";
    public static final String PARTS_KEY = "adxfedHeartbeatParts";
    public static final String RESERVED_PREFIX = "adxfedHeartbeat";

    /** How much heartbeat text one {@code .ingest inline} carries; more goes in the commands after it. */
    static final long COMMAND_BYTES = 16L * 1024 * 1024;

    public HeartbeatRows {
        rows = List.copyOf(rows);
    }

    /**
     * @param id the heartbeat's id, used only when it is split
     */
    public static HeartbeatRows of(Heartbeat heartbeat, SchemaLimit limit, String id) {
        String whole = heartbeat.schemaJson();
        long wholeBytes = utf8(whole);
        if (wholeBytes <= limit.bytes()) {
            return new HeartbeatRows(HeartbeatShape.WHOLE, List.of(heartbeat.csvRow()), wholeBytes);
        }
        String names = heartbeat.schemaJson(false);
        if (utf8(names) <= limit.bytes()) {
            return new HeartbeatRows(HeartbeatShape.WITHOUT_TABLE_SCHEMAS,
                    List.of(heartbeat.csvRow(names, heartbeat.partitionMetadata())), wholeBytes);
        }
        List<String> parts = split(heartbeat.schema(), limit.bytes());
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Map<String, String> metadata = new LinkedHashMap<>(heartbeat.partitionMetadata());
            metadata.put(ID_KEY, id);
            metadata.put(PART_KEY, Integer.toString(i + 1));
            metadata.put(PARTS_KEY, Integer.toString(parts.size()));
            rows.add(heartbeat.csvRow(parts.get(i), metadata));
        }
        return new HeartbeatRows(HeartbeatShape.SPLIT, rows, wholeBytes);
    }

    /**
     * The {@code .ingest inline} commands that send the rows: all in one unless they are many megabytes, then
     * consecutive ones of whole rows.
     */
    public List<String> ingestCommands(String heartbeatTable) {
        String start = ".ingest inline into table " + KqlText.identifier(heartbeatTable) + " <| ";
        List<String> commands = new ArrayList<>();
        StringBuilder command = new StringBuilder();
        for (String row : rows) {
            if (command.length() > 0 && command.length() + row.length() > COMMAND_BYTES) {
                commands.add(command.toString());
                command.setLength(0);
            }
            command.append(command.length() == 0 ? start : "\n").append(row);
        }
        commands.add(command.toString());
        return commands;
    }

    /** Whole databases while they fit, a database that does not fit alone in chunks of its tables and views. */
    private static List<String> split(PartitionSchema schema, long budget) {
        List<ObjectNode> entries = new ArrayList<>();
        for (DatabaseSchema db : schema.databases()) {
            List<String> tables = db.tables().stream().map(TableSchema::name).toList();
            List<String> views = db.views().stream().map(TableSchema::name).toList();
            ObjectNode entry = Heartbeat.entry(db.name(), tables, views);
            if (utf8(entry.toString()) + 2 <= budget) {
                entries.add(entry);
            } else {
                entries.addAll(chunks(db.name(), tables, views, budget - 2));
            }
        }
        List<String> parts = new ArrayList<>();
        ArrayNode part = JsonNodeFactory.instance.arrayNode();
        long partBytes = 2;
        for (ObjectNode entry : entries) {
            long entryBytes = utf8(entry.toString());
            if (!part.isEmpty() && partBytes + 1 + entryBytes > budget) {
                parts.add(checked(part, budget));
                part = JsonNodeFactory.instance.arrayNode();
                partBytes = 2;
            }
            partBytes += (part.isEmpty() ? 0 : 1) + entryBytes;
            part.add(entry);
        }
        parts.add(checked(part, budget));
        return parts;
    }

    private static List<ObjectNode> chunks(String database, List<String> tables, List<String> views, long budget) {
        long empty = utf8(Heartbeat.entry(database, List.of(), List.of()).toString());
        List<ObjectNode> chunks = new ArrayList<>();
        List<String> chunkTables = new ArrayList<>();
        List<String> chunkViews = new ArrayList<>();
        long bytes = empty;
        for (int i = 0; i < tables.size() + views.size(); i++) {
            boolean table = i < tables.size();
            String name = table ? tables.get(i) : views.get(i - tables.size());
            long nameBytes = utf8(JsonNodeFactory.instance.textNode(name).toString()) + 1;
            if (bytes + nameBytes > budget && !(chunkTables.isEmpty() && chunkViews.isEmpty())) {
                chunks.add(Heartbeat.entry(database, chunkTables, chunkViews));
                chunkTables = new ArrayList<>();
                chunkViews = new ArrayList<>();
                bytes = empty;
            }
            (table ? chunkTables : chunkViews).add(name);
            bytes += nameBytes;
        }
        chunks.add(Heartbeat.entry(database, chunkTables, chunkViews));
        return chunks;
    }

    /** The sizes above are summed piece by piece; the text sent is measured whole before it goes. */
    private static String checked(ArrayNode part, long budget) {
        String json = Heartbeat.write(part);
        if (utf8(json) > budget) {
            throw new IllegalStateException("a heartbeat part of " + utf8(json) + " bytes is over the budget of " + budget);
        }
        return json;
    }

    static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
