package dev.adxfed.operator.heartbeat;

import dev.adxfed.operator.api.FederatedTarget;
import dev.adxfed.operator.kusto.CountingKusto;
import dev.adxfed.operator.kusto.Kusto;
import dev.adxfed.operator.kusto.KustoConnector;
import dev.adxfed.operator.kusto.KustoException;
import dev.adxfed.operator.kusto.KustoRow;
import dev.adxfed.operator.kusto.Stage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The partition side: reads the partition's schema in 1 + D round trips and writes one heartbeat
 * row into every federated target, or, for a schema over the hub column's limit, the rows
 * {@link HeartbeatRows} degrades it to. Liveness does not depend on the schema read: when it fails, the
 * heartbeat goes out with the last schema read successfully.
 */
public final class HeartbeatSender {

    private record KnownSchema(PartitionSchema schema, Instant readAt) {}

    private final KustoConnector kusto;
    private final Clock clock;
    private final Map<String, KnownSchema> lastSchema = new ConcurrentHashMap<>();

    public HeartbeatSender(KustoConnector kusto, Clock clock) {
        this.kusto = kusto;
        this.clock = clock;
    }

    public HeartbeatReport send(String partitionEndpoint, Map<String, String> partitioning, List<FederatedTarget> targets) {
        Instant now = clock.instant();
        CountingKusto partition = new CountingKusto(kusto.connect(partitionEndpoint, null));
        Optional<String> schemaFailure = Optional.empty();
        try {
            lastSchema.put(partitionEndpoint, new KnownSchema(readSchema(partition), now));
        } catch (KustoException | IllegalArgumentException e) {
            schemaFailure = Optional.of(e.getMessage());
        }
        KnownSchema known = lastSchema.get(partitionEndpoint);
        if (known == null) {
            // Sending an empty schema would tell every hub this partition has no databases.
            List<TargetFailure> failures = targets.stream()
                    .map(t -> new TargetFailure(t.endpoint, Stage.SCHEMA_READ.label(), "no schema read yet")).toList();
            return new HeartbeatReport(now, 0, Optional.empty(), schemaFailure, List.of(), failures, partition.roundTrips());
        }
        Heartbeat heartbeat = new Heartbeat(now, partitionEndpoint, known.schema(), partitioning);
        String id = UUID.randomUUID().toString();
        Map<SchemaLimit, HeartbeatRows> byLimit = new HashMap<>();
        HeartbeatRows fitsDefault = byLimit.computeIfAbsent(SchemaLimit.DEFAULT, l -> HeartbeatRows.of(heartbeat, l, id));
        List<String> reached = new ArrayList<>();
        List<TargetFailure> failures = new ArrayList<>();
        List<DegradedHeartbeat> degraded = new ArrayList<>();
        for (FederatedTarget target : targets) {
            try {
                Kusto hub = kusto.connect(target.endpoint, target.managedIdentityClientId);
                HeartbeatRows rows = fitsDefault;
                SchemaLimit limit = SchemaLimit.DEFAULT;
                if (rows.shape() != HeartbeatShape.WHOLE) {
                    limit = limit(hub, target);
                    rows = byLimit.computeIfAbsent(limit, l -> HeartbeatRows.of(heartbeat, l, id));
                }
                for (String command : rows.ingestCommands(target.heartbeatTable)) {
                    hub.mgmt(Stage.HEARTBEAT_INGEST, target.heartbeatDatabase, command);
                }
                reached.add(target.endpoint);
                if (rows.shape() != HeartbeatShape.WHOLE) {
                    degraded.add(new DegradedHeartbeat(target.endpoint, rows.shape(), rows.rows().size(), rows.schemaBytes(), limit));
                }
            } catch (KustoException e) {
                failures.add(TargetFailure.of(target, e));
            } catch (RuntimeException e) {
                failures.add(new TargetFailure(target.endpoint, Stage.HEARTBEAT_INGEST.label(), e.toString()));
            }
        }
        return new HeartbeatReport(now, known.schema().databases().size(), Optional.of(known.readAt()), schemaFailure,
                reached, failures, partition.roundTrips(), degraded);
    }

    /**
     * The hub column's limit, asked only of a heartbeat over the default one. An identity that may ingest but
     * not read policies, or a hub that answers otherwise, gets the default: splitting always fits it.
     */
    private static SchemaLimit limit(Kusto hub, FederatedTarget target) {
        try {
            List<KustoRow> rows = hub.mgmt(Stage.HEARTBEAT_LIMIT, target.heartbeatDatabase,
                    SchemaLimit.showCommand(target.heartbeatTable));
            return rows.isEmpty() ? SchemaLimit.DEFAULT : SchemaLimit.fromPolicy(rows.get(0).string("Policy"));
        } catch (KustoException | IllegalArgumentException e) {
            return SchemaLimit.DEFAULT;
        }
    }

    /** {@code .show databases}, then one {@code .show database D schema as json} per database. */
    static PartitionSchema readSchema(CountingKusto partition) {
        List<String> databases = partition.mgmt(Stage.SCHEMA_DATABASES, null, DatabaseSchemaJson.SHOW_DATABASES_COMMAND)
                .stream().map(row -> row.string("DatabaseName")).sorted().toList();
        List<DatabaseSchema> schemas = new ArrayList<>();
        for (String database : databases) {
            List<KustoRow> rows = partition.mgmt(Stage.SCHEMA_READ, database, DatabaseSchemaJson.showCommand(database));
            if (rows.size() != 1) {
                throw new IllegalArgumentException("schema of database " + database + ": expected one row, got " + rows.size());
            }
            schemas.add(DatabaseSchemaJson.read(database, rows.get(0).string("DatabaseSchema")));
        }
        return new PartitionSchema(schemas);
    }
}
