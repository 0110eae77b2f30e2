package dev.adxfed.operator.federation;

import dev.adxfed.kql.KqlText;
import org.apache.commons.csv.CSVFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;

/**
 * The entity groups the operator made or adopted, kept in a table of the hub's heartbeat database so
 * that the knowledge outlives the operator process and the ADXCluster resource. Entity groups carry
 * no marker of their own: without this record a user's group under the naming pattern would look
 * like the operator's. Append only: a row per change, the newest row per group decides.
 */
public final class OwnershipRecord {

    public static final String TABLE = "AdxfedOwnership";
    static final String COLUMNS = "(Timestamp:datetime, HubDatabase:string, Kind:string, Name:string, Action:string)";
    static final String CREATED = "created";
    static final String DROPPED = "dropped";
    static final String ENTITY_GROUP = "entityGroup";
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("").build();

    /** A group in one hub database. */
    public record Entry(String hubDatabase, String name) {}

    private OwnershipRecord() {}

    static String createCommand() {
        return ".create-merge table " + KqlText.identifier(TABLE) + " " + COLUMNS;
    }

    /** The groups whose newest row says the operator made or adopted them and has not dropped them. */
    static String readQuery() {
        return KqlText.identifier(TABLE) + " | where Kind == " + KqlText.string(ENTITY_GROUP)
                + " | summarize arg_max(Timestamp, Action) by HubDatabase, Name"
                + " | where Action == " + KqlText.string(CREATED) + " | project HubDatabase, Name";
    }

    /**
     * One {@code .ingest inline} for many groups; rows are separated by line breaks, as the command allows.
     * Sent before the groups are created: a record of a group that then failed to be made is harmless,
     * a group made without a record would be lost to the operator.
     */
    static Command recordCommand(Collection<Entry> entries, String action, Instant at) {
        StringBuilder rows = new StringBuilder();
        for (Entry entry : entries) {
            if (!rows.isEmpty()) {
                rows.append('\n');
            }
            try {
                CSV.printRecord(rows, at.toString(), entry.hubDatabase(), ENTITY_GROUP, entry.name(), action);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Command(Command.Kind.OWNERSHIP_RECORD, entries.size() + " entity group(s) " + action,
                ".ingest inline into table " + KqlText.identifier(TABLE) + " <|\n" + rows);
    }
}
