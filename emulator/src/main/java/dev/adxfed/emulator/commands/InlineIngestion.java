package dev.adxfed.emulator.commands;

import dev.adxfed.emulator.KustoError;
import dev.adxfed.emulator.catalog.Column;
import dev.adxfed.emulator.catalog.ResultTable;
import dev.adxfed.emulator.catalog.ScalarType;
import dev.adxfed.emulator.catalog.Table;
import dev.adxfed.emulator.catalog.ValueText;
import dev.adxfed.kql.syntax.Command;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * {@code .ingest inline into table T <| csv}: RFC 4180 CSV, one record per row, each value converted
 * to its column's type (null where it does not fit). All rows are read before any is appended, so
 * malformed data rejects the whole command, named by its line.
 */
final class InlineIngestion {

    static final List<Column> RESULT = List.of(
            new Column("ExtentId", ScalarType.GUID),
            new Column("ItemLoaded", ScalarType.STRING),
            new Column("Duration", ScalarType.TIMESPAN),
            new Column("HasErrors", ScalarType.BOOL),
            new Column("OperationId", ScalarType.GUID));

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    private static final Set<String> PROPERTIES = Set.of("format", "ignoreFirstRecord", "tags", "creationTime");
    /** A record (one CSV line's values) beyond this fails the ingestion, whatever the columns' profiles. */
    static final long MAX_RECORD_BYTES = 64L * 1024 * 1024;

    private InlineIngestion() {}

    static ResultTable ingest(Command.IngestInline command, CommandScope scope) {
        Instant started = Instant.now();
        CommandProperties properties = CommandProperties.of(".ingest inline", command.properties(), PROPERTIES);
        String format = properties.string("format").orElse("csv").toLowerCase(Locale.ROOT);
        if (!format.equals("csv")) {
            throw KustoError.unsupported(".ingest inline with format=" + format + " (only csv)");
        }
        boolean skipFirst = properties.bool("ignoreFirstRecord", false);
        String data = dataText(command.data());
        scope.catalog().updateDatabase(scope.database(), db -> {
            Table table = db.table(command.table()).orElseThrow(() -> KustoError.notFound("Table", command.table()));
            return db.withTable(table.withRowsAppended(rows(table, data, skipFirst)));
        });
        UUID operation = UUID.randomUUID();
        return new ResultTable(RESULT, List.<Object[]>of(new Object[] {UUID.randomUUID(), "inproc:" + operation,
                Duration.between(started, Instant.now()), false, operation}));
    }

    /** The text after {@code <|} starts on the next line: drop the rest of the command's line. */
    private static String dataText(String raw) {
        int newline = raw.indexOf('\n');
        if (newline >= 0 && raw.substring(0, newline).isBlank()) {
            return raw.substring(newline + 1);
        }
        return raw.stripLeading();
    }

    /**
     * As Kusto's "ingestion behavior of invalid data" page says: a value that does not fit its column is
     * stored as null and the rest of its row kept; a line with another number of fields, malformed CSV,
     * or no records at all fail the command, and nothing is stored.
     */
    private static List<Object[]> rows(Table table, String data, boolean skipFirst) {
        List<Column> columns = table.columns();
        List<Object[]> rows = new ArrayList<>();
        String where = ".ingest inline into table " + table.name();
        try (CSVParser parser = CSVParser.parse(data, CSV)) {
            boolean first = true;
            for (CSVRecord record : parser) {
                if (first && skipFirst) {
                    first = false;
                    continue;
                }
                first = false;
                if (record.size() != columns.size()) {
                    throw KustoError.ingestion("Stream_WrongNumberOfFields", where + ": line "
                            + lineOf(data, record.getCharacterPosition()) + " has " + record.size()
                            + " fields but the table has " + columns.size() + " columns ("
                            + TableCommands.cslSchema(columns) + "); nothing was ingested");
                }
                long chars = 0;
                for (String value : record) {
                    chars += value.length();
                }
                // A char is at most 3 UTF-8 bytes: only a record of over a third of the limit in chars is measured.
                if (chars > MAX_RECORD_BYTES / 3 && utf8Bytes(record) > MAX_RECORD_BYTES) {
                    throw KustoError.ingestion("Stream_InputStreamTooLarge", where + ": line "
                            + lineOf(data, record.getCharacterPosition()) + " is a record of over 64 MB; nothing was ingested");
                }
                Object[] row = new Object[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    Column column = columns.get(i);
                    row[i] = valueOrNull(column, record.get(i), table.encoding(column.name()).maxValueSize());
                }
                rows.add(row);
            }
        } catch (IOException | UncheckedIOException e) {
            String problem = e.getMessage() == null ? e.toString() : e.getMessage();
            throw KustoError.ingestion(problem.contains("EOF reached before encapsulated token finished")
                    ? "Stream_ClosingQuoteMissing" : "BadRequest_InvalidBlob",
                    where + ": the data is not valid CSV: " + problem + "; nothing was ingested");
        }
        if (rows.isEmpty()) {
            throw KustoError.ingestion("BadRequest_NoRecordsOrWrongFormat", where + ": the data holds no records"
                    + (skipFirst ? " after the first one (ignoreFirstRecord=true)" : "") + "; nothing was ingested");
        }
        return rows;
    }

    private static long utf8Bytes(CSVRecord record) {
        long bytes = 0;
        for (String value : record) {
            bytes += value.getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes;
    }

    /**
     * Over the column's MaxValueSize (1 MB by default, more with a BigObject encoding profile), ADX truncates a
     * string value and stores null for a dynamic one, with no error.
     */
    private static Object valueOrNull(Column column, String text, int maxValueBytes) {
        if (text.length() > maxValueBytes / 4 && text.getBytes(StandardCharsets.UTF_8).length > maxValueBytes) {
            if (column.type() == ScalarType.DYNAMIC) {
                return null;
            }
            if (column.type() == ScalarType.STRING) {
                return truncated(text, maxValueBytes);
            }
        }
        try {
            return ValueText.parse(column.type(), text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The longest prefix of at most {@code maxBytes} in UTF-8 that does not split a character. */
    private static String truncated(String text, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }

    private static int lineOf(String text, long offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
