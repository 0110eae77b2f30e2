package dev.adxfed.emulator.catalog;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adxfed.kql.syntax.EntityReference;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Keeps one cluster's persistent databases in a directory, one JSON file per database. Each change
 * is written to a temporary file, forced to disk and moved over the old file in one atomic step,
 * so a crash mid-write leaves the last acknowledged version intact. Volatile databases stay in memory.
 */
public final class CatalogStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUFFIX = ".json";

    private final Path directory;

    public CatalogStore(Path directory) {
        this.directory = directory;
    }

    /** Whether the directory holds any saved database. */
    public boolean hasData() {
        return !files().isEmpty();
    }

    public CatalogSnapshot load() {
        TreeMap<String, Database> databases = new TreeMap<>();
        for (Path file : files()) {
            try {
                Database db = readDatabase(JSON.readTree(file.toFile()));
                databases.put(db.name(), db);
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("cannot read saved database " + file + ": " + e.getMessage(), e);
            }
        }
        return new CatalogSnapshot(databases);
    }

    /** Writes what {@code change} changed; throws if the disk refuses, so the change is not acknowledged. */
    public void save(CatalogChange change) {
        try {
            Files.createDirectories(directory);
            for (Database db : change.written()) {
                if (db.persistent()) {
                    write(db);
                } else {
                    Files.deleteIfExists(fileOf(db.name()));
                }
            }
            for (String dropped : change.dropped()) {
                Files.deleteIfExists(fileOf(dropped));
            }
            forceDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the catalog in " + directory + ": " + e.getMessage(), e);
        }
    }

    private void write(Database db) throws IOException {
        Path target = fileOf(db.name());
        Path temp = Files.createTempFile(directory, ".writing-", SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel);
                 JsonGenerator json = JSON.createGenerator(out)) {
                writeDatabase(json, db);
                json.flush();
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Makes the renames themselves durable; not every platform lets a directory be opened, which is fine. */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Windows cannot open directories; the moves are still atomic there.
        }
    }

    private List<Path> files() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(directory)) {
            return list.filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(SUFFIX) && !name.startsWith(".writing-");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    private Path fileOf(String database) {
        return directory.resolve(URLEncoder.encode(database, StandardCharsets.UTF_8) + SUFFIX);
    }

    private static void writeDatabase(JsonGenerator out, Database db) throws IOException {
        out.writeStartObject();
        out.writeStringField("name", db.name());
        out.writeBooleanField("persistent", db.persistent());
        out.writeArrayFieldStart("tables");
        for (Table t : db.tables().values()) {
            out.writeStartObject();
            out.writeStringField("name", t.name());
            out.writeStringField("folder", t.folder());
            out.writeStringField("docString", t.docString());
            out.writeObjectFieldStart("encodings");
            for (Map.Entry<String, EncodingProfile> e : t.encodings().entrySet()) {
                out.writeStringField(e.getKey(), e.getValue().kustoName());
            }
            out.writeEndObject();
            out.writeArrayFieldStart("columns");
            for (Column c : t.columns()) {
                out.writeStartObject();
                out.writeStringField("name", c.name());
                out.writeStringField("type", c.type().kqlName());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeArrayFieldStart("rows");
            for (Object[] row : t.rows()) {
                out.writeStartArray();
                for (int i = 0; i < row.length; i++) {
                    writeValue(out, t.columns().get(i).type(), row[i]);
                }
                out.writeEndArray();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("functions");
        for (StoredFunction f : db.functions().values()) {
            out.writeStartObject();
            out.writeStringField("name", f.name());
            out.writeArrayFieldStart("parameters");
            for (FunctionParameter p : f.parameters()) {
                out.writeStartObject();
                out.writeStringField("name", p.name());
                out.writeStringField("type", p.type());
                out.writeStringField("default", p.defaultValue());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeStringField("body", f.body());
            out.writeStringField("folder", f.folder());
            out.writeStringField("docString", f.docString());
            out.writeBooleanField("view", f.view());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("entityGroups");
        for (EntityGroup g : db.entityGroups().values()) {
            out.writeStartObject();
            out.writeStringField("name", g.name());
            out.writeArrayFieldStart("entities");
            for (EntityReference e : g.entities()) {
                out.writeStartObject();
                out.writeStringField("cluster", e.cluster());
                out.writeStringField("database", e.database());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void writeValue(JsonGenerator out, ScalarType type, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (type == ScalarType.DYNAMIC) {
            JSON.writeTree(out, (JsonNode) value);
        } else if (type == ScalarType.BOOL) {
            out.writeBoolean((Boolean) value);
        } else {
            out.writeString(ValueText.format(type, value));
        }
    }

    private static Database readDatabase(JsonNode node) {
        Database db = Database.empty(node.path("name").asText(), node.path("persistent").asBoolean(true));
        for (JsonNode t : node.path("tables")) {
            List<Column> columns = new ArrayList<>();
            for (JsonNode c : t.path("columns")) {
                String type = c.path("type").asText();
                columns.add(new Column(c.path("name").asText(), ScalarType.fromKqlName(type)
                        .orElseThrow(() -> new IllegalArgumentException("unknown column type '" + type + "'"))));
            }
            List<Object[]> rows = new ArrayList<>();
            for (JsonNode r : t.path("rows")) {
                Object[] row = new Object[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = readValue(columns.get(i).type(), r.get(i));
                }
                rows.add(row);
            }
            db = db.withTable(new Table(t.path("name").asText(), columns, t.path("folder").asText(""),
                    t.path("docString").asText(""), rows, encodings(t.path("encodings"))));
        }
        for (JsonNode f : node.path("functions")) {
            List<FunctionParameter> parameters = new ArrayList<>();
            for (JsonNode p : f.path("parameters")) {
                JsonNode d = p.get("default");
                parameters.add(new FunctionParameter(p.path("name").asText(), p.path("type").asText(),
                        d == null || d.isNull() ? null : d.asText()));
            }
            db = db.withFunction(new StoredFunction(f.path("name").asText(), parameters, f.path("body").asText(),
                    f.path("folder").asText(""), f.path("docString").asText(""), f.path("view").asBoolean(false)));
        }
        for (JsonNode g : node.path("entityGroups")) {
            List<EntityReference> entities = new ArrayList<>();
            for (JsonNode e : g.path("entities")) {
                entities.add(new EntityReference(textOrNull(e.path("cluster")), textOrNull(e.path("database"))));
            }
            db = db.withEntityGroup(new EntityGroup(g.path("name").asText(), entities));
        }
        return db;
    }

    /** Files written before encoding profiles had none: the default profile. */
    private static Map<String, EncodingProfile> encodings(JsonNode node) {
        Map<String, EncodingProfile> encodings = new TreeMap<>();
        node.fields().forEachRemaining(e -> EncodingProfile.of(e.getValue().asText())
                .ifPresent(profile -> encodings.put(e.getKey(), profile)));
        return encodings;
    }

    /** Files written before entity references had no cluster as null kept "" for database('d') alone. */
    private static String textOrNull(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }

    private static Object readValue(ScalarType type, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (type == ScalarType.DYNAMIC) {
            return node;
        }
        return ValueText.parse(type, node.asText());
    }
}
