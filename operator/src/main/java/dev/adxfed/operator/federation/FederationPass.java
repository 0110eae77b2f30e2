package dev.adxfed.operator.federation;

import dev.adxfed.operator.heartbeat.HeartbeatReading;
import dev.adxfed.operator.heartbeat.HeartbeatTable;
import dev.adxfed.operator.heartbeat.MalformedHeartbeat;
import dev.adxfed.operator.kusto.CountingKusto;
import dev.adxfed.operator.kusto.KustoConnector;
import dev.adxfed.operator.kusto.KustoException;
import dev.adxfed.operator.kusto.KustoRow;
import dev.adxfed.operator.kusto.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The federated side, as named steps: ensure the heartbeat table, read the newest heartbeats, plan,
 * ensure hub databases, then per hub database diff and apply entity groups, and per partition
 * database diff and apply functions. Round trips grow with databases, never with tables.
 * Group failures never stop functions and the reverse; a failed heartbeat read changes nothing.
 */
public final class FederationPass {

    private static final Logger LOG = LoggerFactory.getLogger(FederationPass.class);

    private final KustoConnector kusto;
    private final Clock clock;

    public FederationPass(KustoConnector kusto) {
        this(kusto, Clock.systemUTC());
    }

    public FederationPass(KustoConnector kusto, Clock clock) {
        this.kusto = kusto;
        this.clock = clock;
    }

    public FederationReport run(Hub hub) {
        return run(hub, false);
    }

    /**
     * @param releaseDepartures a person released held departures (annotation or {@code --release-departures}):
     *                          silent partitions are removed at the TTL whatever their share
     */
    public FederationReport run(Hub hub, boolean releaseDepartures) {
        return new Run(hub, new CountingKusto(kusto.connect(hub.endpoint(), null)), clock.instant(), releaseDepartures)
                .execute();
    }

    /** The state of one pass; never shared between passes. */
    private static final class Run {
        private final Hub hub;
        private final CountingKusto cluster;
        private final Map<String, Integer> completed = new TreeMap<>();
        private final Map<String, Integer> failures = new TreeMap<>();
        private final List<String> failureMessages = new ArrayList<>();
        private final List<CommandResults> commandResults = new ArrayList<>();
        private List<MalformedHeartbeat> malformed = List.of();
        private Topology topology = Topology.of(List.of());
        private int groupsInSync;
        private int functionsInSync;
        private int commandsSent;
        private long ddlBytes;

        private final Instant now;
        private final boolean releaseDepartures;
        private final List<Conflict> conflicts = new ArrayList<>();
        private final SortedSet<String> hubDatabasesMissing = new TreeSet<>();
        private HeldDepartures held = HeldDepartures.NONE;
        private ExcludedPartitions excluded = ExcludedPartitions.NONE;

        Run(Hub hub, CountingKusto cluster, Instant now, boolean releaseDepartures) {
            this.hub = hub;
            this.cluster = cluster;
            this.now = now;
            this.releaseDepartures = releaseDepartures;
        }

        FederationReport execute() {
            HeartbeatTable heartbeats = hub.heartbeatTable();
            SortedSet<String> hubDatabases;
            try {
                hubDatabases = showDatabases();
                if (!hubDatabases.contains(heartbeats.database()) && createDatabase(heartbeats.database())) {
                    hubDatabases.add(heartbeats.database());
                }
                ensureHeartbeatTable(heartbeats);
                readHeartbeats(heartbeats);
            } catch (KustoException e) {
                fail(e.stage().label(), e.getMessage());
                return report(false);
            }
            if (topology.isEmpty()) {
                LOG.info("hub {}: no fresh heartbeat within {}; nothing changed", hub.endpoint(), hub.heartbeatTtl());
                return report(true);
            }
            FederationPlan plan = FederationPlan.of(topology, hub.settings());
            for (String database : topology.databases()) {
                if (!hubDatabases.contains(database) && createDatabase(database)) {
                    hubDatabases.add(database);
                }
            }
            for (String hubDatabase : hubDatabases) {
                applyEntityGroups(plan, hubDatabase);
            }
            for (String database : topology.databases()) {
                if (hubDatabases.contains(database)) {
                    applyFunctions(plan, database);
                }
            }
            return report(true);
        }

        private SortedSet<String> showDatabases() {
            SortedSet<String> names = new TreeSet<>();
            cluster.mgmt(Stage.HUB_DATABASES, null, ".show databases").forEach(r -> names.add(r.string("DatabaseName")));
            return names;
        }

        /** Where the cluster refuses (ADX needs databases made in Azure), the database and its objects are skipped. */
        private boolean createDatabase(String database) {
            Command create = HubDatabase.createCommand(database);
            try {
                send(create);
                cluster.mgmt(Stage.DATABASE_CREATE, null, create.text());
                count(completed, create.kind().label());
                return true;
            } catch (KustoException e) {
                fail(create.kind().label(), "database " + database + " is missing and could not be created; its objects"
                        + " are skipped: " + e.getMessage());
                return false;
            }
        }

        private void ensureHeartbeatTable(HeartbeatTable heartbeats) {
            boolean exists = cluster.mgmt(Stage.HEARTBEAT_TABLE, heartbeats.database(), heartbeats.showTablesCommand())
                    .stream().anyMatch(r -> heartbeats.table().equals(r.string("TableName")));
            if (!exists) {
                Command create = new Command(Command.Kind.TABLE_CREATE, heartbeats.table(), heartbeats.createCommand());
                send(create);
                cluster.mgmt(Stage.HEARTBEAT_TABLE, heartbeats.database(), create.text());
                count(completed, create.kind().label());
            }
        }

        private void readHeartbeats(HeartbeatTable heartbeats) {
            HeartbeatReading reading = new HeartbeatReading();
            cluster.query(Stage.HEARTBEAT_READ, heartbeats.database(), heartbeats.latestQuery(hub.heartbeatTtl()),
                    row -> reading.accept(row.string("ClusterEndpoint"), timestamp(row), row.get("Schema")));
            malformed = reading.malformed();
            for (MalformedHeartbeat m : malformed) {
                LOG.warn("hub {}: skipped the heartbeat of {}: {}", hub.endpoint(), m.clusterEndpoint(), m.problem());
            }
            topology = Topology.of(reading.partitions());
        }

        private void applyEntityGroups(FederationPlan plan, String hubDatabase) {
            List<ExistingEntityGroup> existing = new ArrayList<>();
            try {
                for (KustoRow row : cluster.mgmt(Stage.ENTITY_GROUPS_SHOW, hubDatabase, ExistingEntityGroup.SHOW_COMMAND)) {
                    existing.add(ExistingEntityGroup.of(row.string("Name"), row.get("Entities")));
                }
            } catch (KustoException | IllegalArgumentException e) {
                fail(Stage.ENTITY_GROUPS_SHOW.label(), "entity groups of " + hubDatabase + " left as they are: " + e.getMessage());
                return;
            }
            Changes changes = FederationDiff.entityGroups(plan, existing);
            groupsInSync += changes.inSync();
            ScriptOutcome outcome = apply(hubDatabase, changes.commands());
            groupsInSync += outcome.completed().getOrDefault(Command.Kind.ENTITY_GROUP_CREATE, 0)
                    + outcome.completed().getOrDefault(Command.Kind.ENTITY_GROUP_ALTER, 0);
        }

        private void applyFunctions(FederationPlan plan, String database) {
            List<ExistingFunction> existing = new ArrayList<>();
            try {
                for (KustoRow row : cluster.mgmt(Stage.FUNCTIONS_SHOW, database, ExistingFunction.SHOW_COMMAND)) {
                    existing.add(new ExistingFunction(row.string("Name"), nullToEmpty(row.string("Parameters")),
                            nullToEmpty(row.string("Body"))));
                }
            } catch (KustoException e) {
                fail(Stage.FUNCTIONS_SHOW.label(), "functions of " + database + " left as they are: " + e.getMessage());
                return;
            }
            Changes changes = FederationDiff.functions(plan, database, existing);
            functionsInSync += changes.inSync();
            ScriptOutcome outcome = apply(database, changes.commands());
            functionsInSync += outcome.completed().getOrDefault(Command.Kind.FUNCTION_CREATE_OR_ALTER, 0);
        }

        /** Sends the commands in scripts of at most 1 MiB and reads every command's result. */
        private ScriptOutcome apply(String database, List<Command> commands) {
            Map<Command.Kind, Integer> done = new TreeMap<>();
            for (DatabaseScript script : DatabaseScript.batches(database, commands, DatabaseScript.MAX_BYTES)) {
                String text = script.text();
                commandsSent += script.commands().size();
                ddlBytes += text.getBytes(StandardCharsets.UTF_8).length;
                ScriptOutcome outcome;
                try {
                    List<ScriptOutcome.Row> rows = cluster.mgmt(Stage.SCRIPT_EXECUTE, database, text).stream()
                            .map(r -> new ScriptOutcome.Row(r.string("CommandType"), r.string("CommandText"),
                                    r.string("Result"), r.string("Reason"))).toList();
                    outcome = ScriptOutcome.read(script, rows);
                } catch (KustoException e) {
                    outcome = ScriptOutcome.refused(script, e.getMessage());
                }
                outcome.completed().forEach((kind, n) -> {
                    completed.merge(kind.label(), n, Integer::sum);
                    done.merge(kind, n, Integer::sum);
                    commandResults.add(new CommandResults(database, kind, CommandResults.COMPLETED, n));
                });
                outcome.failed().forEach((kind, n) -> {
                    failures.merge(kind.label(), n, Integer::sum);
                    commandResults.add(new CommandResults(database, kind, CommandResults.FAILED, n));
                });
                outcome.failures().forEach(message -> {
                    failureMessages.add(message);
                    LOG.warn("hub {}: {}", hub.endpoint(), message);
                });
            }
            return new ScriptOutcome(done, Map.of(), List.of());
        }

        private void send(Command command) {
            commandsSent++;
            ddlBytes += command.text().getBytes(StandardCharsets.UTF_8).length;
        }

        private void fail(String kind, String message) {
            count(failures, kind);
            failureMessages.add(message);
            LOG.warn("hub {}: {}", hub.endpoint(), message);
        }

        private static void count(Map<String, Integer> counts, String kind) {
            counts.merge(kind, 1, Integer::sum);
        }

        private FederationReport report(boolean heartbeatsRead) {
            SortedMap<String, Integer> partitionsByDatabase = new TreeMap<>();
            topology.databases().forEach(db -> partitionsByDatabase.put(db, topology.endpoints(db).size()));
            return new FederationReport(heartbeatsRead, topology.partitions(), malformed, partitionsByDatabase,
                    groupsInSync, functionsInSync, Map.copyOf(completed), Map.copyOf(failures), List.copyOf(failureMessages),
                    cluster.roundTrips(), commandsSent, ddlBytes, List.copyOf(commandResults),
                    conflicts.stream().sorted(Comparator.comparing(Conflict::toString)).toList(), held, excluded,
                    List.copyOf(hubDatabasesMissing));
        }

        private static Instant timestamp(KustoRow row) {
            String text = row.string("Timestamp");
            try {
                return text == null ? null : Instant.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        private static String nullToEmpty(String s) {
            return s == null ? "" : s;
        }
    }
}
