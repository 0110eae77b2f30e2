package dev.adxfed.operator.federation;

import dev.adxfed.operator.api.DurationText;
import dev.adxfed.operator.heartbeat.HeartbeatTable;
import dev.adxfed.operator.heartbeat.MalformedHeartbeat;
import dev.adxfed.operator.heartbeat.PartitionHeartbeat;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The federated side, as named steps: ensure the heartbeat and ownership tables, read the inputs
 * (heartbeats, blocked endpoints, ownership record), read every hub database's entity groups, decide
 * membership (with the departure guard), plan, ensure hub databases, record groups about to be
 * created, then per hub database apply entity groups and functions. Round trips grow with
 * databases, never with tables. Group failures never stop functions and the reverse; an input that
 * cannot be read changes nothing.
 */
public final class FederationPass {

    private static final Logger LOG = LoggerFactory.getLogger(FederationPass.class);
    /** Items a log line names of a list whose length other clusters decide. */
    private static final int LOGGED_ITEMS = 10;
    private static final int LOGGED_ITEM_CHARS = 300;

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
        return run(hub, releaseDepartures, PassObserver.NONE);
    }

    /** @param observer told what the pass reads and decides as it goes (plan and status build their views from it) */
    public FederationReport run(Hub hub, boolean releaseDepartures, PassObserver observer) {
        return new Run(hub, new CountingKusto(kusto.connect(hub.endpoint(), null)), clock.instant(), releaseDepartures,
                observer).execute();
    }

    /** The state of one pass; never shared between passes. */
    private static final class Run {
        private final Hub hub;
        private final CountingKusto cluster;
        private final Instant now;
        private final boolean releaseDepartures;
        private final PassObserver observer;
        private final Map<String, Integer> completed = new TreeMap<>();
        private final Map<String, Integer> failures = new TreeMap<>();
        private final List<String> failureMessages = new ArrayList<>();
        private final List<CommandResults> commandResults = new ArrayList<>();
        private final List<Conflict> conflicts = new ArrayList<>();
        private final SortedSet<String> hubDatabasesMissing = new TreeSet<>();
        private List<MalformedHeartbeat> malformed = List.of();
        private Topology topology = Topology.of(List.of());
        private HeldDepartures held = HeldDepartures.NONE;
        private ExcludedPartitions excluded = ExcludedPartitions.NONE;
        private HeartbeatTimes heartbeatTimes;
        private boolean hubNotSetUp;
        private int groupsInSync;
        private int functionsInSync;
        private int commandsSent;
        private long ddlBytes;

        Run(Hub hub, CountingKusto cluster, Instant now, boolean releaseDepartures, PassObserver observer) {
            this.hub = hub;
            this.cluster = cluster;
            this.now = now;
            this.releaseDepartures = releaseDepartures;
            this.observer = observer;
            this.heartbeatTimes = HeartbeatTimes.none(hub.heartbeatTtl());
        }

        FederationReport execute() {
            HeartbeatTable heartbeats = hub.heartbeatTable();
            SortedSet<String> hubDatabases;
            HubInputs inputs;
            try {
                hubDatabases = showDatabases();
                if (!hubDatabases.contains(heartbeats.database()) && createDatabase(heartbeats.database())) {
                    hubDatabases.add(heartbeats.database());
                }
                TablesFound found = ensureTables(heartbeats);
                hubNotSetUp = !found.heartbeat();
                // A heartbeat table made just now is empty: there is nothing to read yet.
                inputs = hubNotSetUp ? HubInputs.NONE : HubInputs.read(cluster, hub, now, found.ownershipRecord());
            } catch (KustoException e) {
                fail(e.stage().label(), e.getMessage() + "; nothing changed");
                return report(false);
            }
            malformed = inputs.malformed();
            observer.heartbeatsRead(inputs.heartbeats(), now);
            logMalformed();
            SelfFederationGuard.Guarded guarded = SelfFederationGuard.apply(inputs.heartbeats(), hub.endpoint(),
                    heartbeats.database(), now.minus(hub.heartbeatTtl()));
            conflicts.addAll(guarded.conflicts());
            List<PartitionHeartbeat> partitions = guarded.heartbeats();
            // Fresh members do not depend on the hub's groups: with none, the groups need not be read.
            Membership freshOnly = Membership.of(partitions, now, hub.heartbeatTtl(), hub.settings(),
                    inputs.blocked(), Set.of(), true);
            if (freshOnly.fresh() == 0) {
                excluded = freshOnly.excluded();
                LOG.info("hub {}: no live partition within {} ({} read, {} malformed, {} left out); nothing changed",
                        hub.endpoint(), DurationText.format(hub.heartbeatTtl()), inputs.heartbeats().size(), malformed.size(), excluded.total());
                logConflicts();
                return report(true);
            }
            Map<String, List<ExistingEntityGroup>> groups = showEntityGroups(hubDatabases);
            Map<String, Set<String>> owned = ownedGroups(groups, inputs);
            Membership membership = Membership.of(partitions, now, hub.heartbeatTtl(), hub.settings(),
                    inputs.blocked(), currentMembers(groups, owned), releaseDepartures);
            excluded = membership.excluded();
            held = membership.held();
            Set<String> heldEndpoints = new HashSet<>(held.endpoints());
            heartbeatTimes = HeartbeatTimes.of(membership.members().stream()
                    .filter(m -> !heldEndpoints.contains(m.clusterEndpoint())).map(PartitionHeartbeat::timestamp).toList(),
                    hub.heartbeatTtl());
            LOG.info("hub {}: read {} heartbeat(s) over {} in {} page(s): {} fresh member(s), {} held, {} malformed;"
                            + " excluded {} blocked ({} by the hub function), {} not selected, {} lacking metadata",
                    hub.endpoint(), inputs.heartbeats().size(), DurationText.format(hub.heartbeatTtl().plus(hub.settings().departureHoldTime())),
                    inputs.heartbeatPages(),
                    membership.fresh(), held.endpoints().size(), malformed.size(), excluded.blocked(),
                    inputs.blockedByFunction(), excluded.notSelected(), excluded.metadataMissing());
            if (!held.isEmpty()) {
                LOG.warn("hub {}: {} departure(s) held: {}: {}", hub.endpoint(), held.endpoints().size(), firstOf(held.endpoints()),
                        held.reason());
            }
            topology = Topology.of(membership.members());
            FederationPlan plan = FederationPlan.of(topology, hub.settings());
            for (String database : topology.databases()) {
                if (!hubDatabases.contains(database) && createDatabase(database)) {
                    hubDatabases.add(database);
                    groups.put(database, List.of());
                }
            }
            observer.planned(membership, plan);
            Map<String, Changes> groupChanges = new TreeMap<>();
            for (String hubDatabase : hubDatabases) {
                if (groups.containsKey(hubDatabase)) {
                    groupChanges.put(hubDatabase, FederationDiff.entityGroups(plan, hubDatabase, groups.get(hubDatabase),
                            owned.getOrDefault(hubDatabase, Set.of())));
                }
            }
            recordOwnership(groupChanges, owned, inputs.owned());
            for (Map.Entry<String, Changes> entry : groupChanges.entrySet()) {
                observer.entityGroups(entry.getKey(), groups.get(entry.getKey()), entry.getValue());
                applyEntityGroups(entry.getKey(), entry.getValue());
            }
            for (String database : hubDatabases) {
                if (topology.databases().contains(database) || hub.settings().cleanupStaleFunctions()) {
                    applyFunctions(plan, database);
                }
            }
            logConflicts();
            if (!hubDatabasesMissing.isEmpty()) {
                LOG.warn("hub {}: {} partition database(s) missing on the hub, which refused to create them (create them"
                        + " in Azure or set spec.provision): {}", hub.endpoint(), hubDatabasesMissing.size(),
                        firstOf(List.copyOf(hubDatabasesMissing)));
            }
            return report(true);
        }

        private SortedSet<String> showDatabases() {
            SortedSet<String> names = new TreeSet<>();
            cluster.mgmt(Stage.HUB_DATABASES, null, ".show databases").forEach(r -> names.add(r.string("DatabaseName")));
            return names;
        }

        /** Where the hub refuses (ADX needs databases made in Azure), the database and its objects are skipped. */
        private boolean createDatabase(String database) {
            try {
                hub.databases().create(cluster, database).ifPresent(this::send);
                count(completed, Command.Kind.DATABASE_CREATE.label());
                observer.databaseCreated(database);
                return true;
            } catch (KustoException e) {
                hubDatabasesMissing.add(database);
                return false;
            } catch (HubDatabases.Refused e) {
                hubDatabasesMissing.add(database);
                fail(Command.Kind.DATABASE_CREATE.label(), e.getMessage());
                return false;
            }
        }

        /** Which of the hub's own tables were there already (a dry run only pretends to create the others). */
        private record TablesFound(boolean heartbeat, boolean ownershipRecord) {}

        private TablesFound ensureTables(HeartbeatTable heartbeats) {
            Set<String> tables = new HashSet<>();
            cluster.mgmt(Stage.HEARTBEAT_TABLE, heartbeats.database(), heartbeats.showTablesCommand())
                    .forEach(r -> tables.add(r.string("TableName")));
            if (!tables.contains(heartbeats.table())) {
                create(Stage.HEARTBEAT_TABLE, heartbeats.database(),
                        new Command(Command.Kind.TABLE_CREATE, heartbeats.table(), heartbeats.createCommand()));
                create(Stage.HEARTBEAT_TABLE, heartbeats.database(), new Command(Command.Kind.COLUMN_ENCODING,
                        heartbeats.table() + ".Schema", heartbeats.schemaEncodingCommand()));
            }
            if (!tables.contains(OwnershipRecord.TABLE)) {
                create(Stage.HEARTBEAT_TABLE, heartbeats.database(),
                        new Command(Command.Kind.TABLE_CREATE, OwnershipRecord.TABLE, OwnershipRecord.createCommand()));
            }
            return new TablesFound(tables.contains(heartbeats.table()), tables.contains(OwnershipRecord.TABLE));
        }

        private void create(Stage stage, String database, Command create) {
            send(create);
            cluster.mgmt(stage, database, create.text());
            count(completed, create.kind().label());
        }

        /** One line for all of them, by kind, each with what was done about it. */
        private void logConflicts() {
            if (conflicts.isEmpty()) {
                return;
            }
            Map<Conflict.Kind, List<Conflict>> byKind = new TreeMap<>();
            conflicts.forEach(c -> byKind.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c));
            byKind.forEach((kind, list) -> LOG.warn("hub {}: {} conflict(s) of kind {}, left as they are ({}): {}",
                    hub.endpoint(), list.size(), kind.label(), list.get(0).why(),
                    firstOf(list.stream().sorted(Comparator.comparing(Conflict::toString)).toList())));
        }

        /** One line for all of them: the rows come from other clusters, so their number has no bound. */
        private void logMalformed() {
            List<MalformedHeartbeat> skipped = malformed.stream().filter(m -> !m.keptLastSchema()).toList();
            List<MalformedHeartbeat> kept = malformed.stream().filter(MalformedHeartbeat::keptLastSchema).toList();
            if (!skipped.isEmpty()) {
                LOG.warn("hub {}: skipped {} malformed heartbeat(s): {}", hub.endpoint(), skipped.size(),
                        firstOf(skipped.stream().map(m -> m.clusterEndpoint() + " (" + m.problem() + ")").toList()));
            }
            if (!kept.isEmpty()) {
                LOG.warn("hub {}: {} partition(s) sent an unusable heartbeat and keep their last usable schema: {}",
                        hub.endpoint(), kept.size(),
                        firstOf(kept.stream().map(m -> m.clusterEndpoint() + " (" + m.problem() + ")").toList()));
            }
        }

        /** The first few items of a list that heartbeats can make as long as they like, then how many more. */
        private static String firstOf(List<?> items) {
            int shown = Math.min(items.size(), LOGGED_ITEMS);
            List<String> named = items.subList(0, shown).stream().map(item -> {
                String text = String.valueOf(item);
                return text.length() <= LOGGED_ITEM_CHARS ? text : text.substring(0, LOGGED_ITEM_CHARS) + "...";
            }).toList();
            return named + (items.size() > shown ? " and " + (items.size() - shown) + " more" : "");
        }

        /** Hub databases whose groups cannot be read are left out: nothing in them is changed. */
        private Map<String, List<ExistingEntityGroup>> showEntityGroups(SortedSet<String> hubDatabases) {
            Map<String, List<ExistingEntityGroup>> groups = new LinkedHashMap<>();
            for (String hubDatabase : hubDatabases) {
                List<ExistingEntityGroup> existing = new ArrayList<>();
                try {
                    for (KustoRow row : cluster.mgmt(Stage.ENTITY_GROUPS_SHOW, hubDatabase, ExistingEntityGroup.SHOW_COMMAND)) {
                        existing.add(ExistingEntityGroup.of(row.string("Name"), row.get("Entities")));
                    }
                    groups.put(hubDatabase, existing);
                } catch (KustoException | IllegalArgumentException e) {
                    fail(Stage.ENTITY_GROUPS_SHOW.label(), "entity groups of " + hubDatabase + " left as they are: " + e.getMessage());
                }
            }
            return groups;
        }

        private Map<String, Set<String>> ownedGroups(Map<String, List<ExistingEntityGroup>> groups, HubInputs inputs) {
            Set<String> known = inputs.knownEndpoints();
            Map<String, Set<String>> owned = new TreeMap<>();
            groups.forEach((hubDatabase, existing) -> {
                Set<String> names = new HashSet<>();
                for (ExistingEntityGroup group : existing) {
                    if (GroupOwnership.recorded(inputs.owned(), hubDatabase, group.name())
                            || GroupOwnership.adoptable(hub.settings(), group, known)) {
                        names.add(group.name());
                    }
                }
                owned.put(hubDatabase, names);
            });
            return owned;
        }

        private static Set<String> currentMembers(Map<String, List<ExistingEntityGroup>> groups, Map<String, Set<String>> owned) {
            Set<String> members = new HashSet<>();
            groups.forEach((hubDatabase, existing) -> existing.stream()
                    .filter(g -> owned.getOrDefault(hubDatabase, Set.of()).contains(g.name()))
                    .forEach(g -> members.addAll(GroupOwnership.members(g))));
            return members;
        }

        /**
         * Records every group about to be created and every adopted group not yet recorded, in one
         * command, before the scripts run. When the record cannot be written the creations wait for a
         * later pass (a group made without a record would look like a user's); the rest goes on.
         */
        private void recordOwnership(Map<String, Changes> groupChanges, Map<String, Set<String>> owned,
                                     Set<OwnershipRecord.Entry> recorded) {
            Set<OwnershipRecord.Entry> entries = new TreeSet<>(Comparator.comparing(OwnershipRecord.Entry::hubDatabase)
                    .thenComparing(OwnershipRecord.Entry::name));
            groupChanges.forEach((hubDatabase, changes) -> changes.commands().stream()
                    .filter(c -> c.kind() == Command.Kind.ENTITY_GROUP_CREATE)
                    .forEach(c -> entries.add(new OwnershipRecord.Entry(hubDatabase, c.subject()))));
            owned.forEach((hubDatabase, names) -> names.stream().map(name -> new OwnershipRecord.Entry(hubDatabase, name))
                    .filter(e -> !recorded.contains(e)).forEach(entries::add));
            if (entries.isEmpty()) {
                return;
            }
            if (!write(OwnershipRecord.recordCommand(entries, OwnershipRecord.CREATED, now))) {
                groupChanges.replaceAll((hubDatabase, changes) -> new Changes(changes.commands().stream()
                        .filter(c -> c.kind() != Command.Kind.ENTITY_GROUP_CREATE).toList(), changes.inSync(),
                        changes.conflicts()));
            }
        }

        private boolean write(Command record) {
            try {
                send(record);
                cluster.mgmt(Stage.OWNERSHIP_RECORD, hub.heartbeatTable().database(), record.text());
                count(completed, record.kind().label());
                return true;
            } catch (KustoException e) {
                fail(record.kind().label(), "ownership record of " + record.subject() + " not written, so those"
                        + " groups are not changed this pass: " + e.getMessage());
                return false;
            }
        }

        private void applyEntityGroups(String hubDatabase, Changes changes) {
            groupsInSync += changes.inSync();
            conflicts.addAll(changes.conflicts());
            ScriptOutcome outcome = apply(hubDatabase, changes.commands());
            groupsInSync += outcome.completed().getOrDefault(Command.Kind.ENTITY_GROUP_CREATE, 0)
                    + outcome.completed().getOrDefault(Command.Kind.ENTITY_GROUP_ALTER, 0);
            List<OwnershipRecord.Entry> dropped = outcome.done().stream()
                    .filter(c -> c.kind() == Command.Kind.ENTITY_GROUP_DROP)
                    .map(c -> new OwnershipRecord.Entry(hubDatabase, c.subject())).toList();
            if (!dropped.isEmpty()) {
                write(OwnershipRecord.recordCommand(dropped, OwnershipRecord.DROPPED, now));
            }
        }

        private void applyFunctions(FederationPlan plan, String database) {
            List<ExistingFunction> existing = new ArrayList<>();
            List<String> names = plan.functions(database).stream().map(FederatedFunction::name).toList();
            HubTables tables = HubTables.NONE;
            try {
                if (!names.isEmpty()) {
                    tables = HubTables.read(cluster, database, names);
                }
            } catch (KustoException e) {
                fail(Stage.TABLES_SHOW.label(), "functions of " + database + " left as they are: its tables could not be"
                        + " read: " + e.getMessage());
                return;
            }
            try {
                for (KustoRow row : cluster.mgmt(Stage.FUNCTIONS_SHOW, database,
                        ExistingFunction.showCommand(hub.settings().functionFolder()))) {
                    existing.add(new ExistingFunction(row.string("Name"), row.string("Parameters"), row.string("Body"),
                            row.string("Folder"), row.string("BodyHash")));
                }
            } catch (KustoException e) {
                fail(Stage.FUNCTIONS_SHOW.label(), "functions of " + database + " left as they are: " + e.getMessage());
                return;
            }
            Changes changes = FederationDiff.functions(plan, database, existing, tables);
            observer.functions(database, existing, tables, changes);
            functionsInSync += changes.inSync();
            conflicts.addAll(changes.conflicts());
            ScriptOutcome outcome = apply(database, changes.commands());
            functionsInSync += outcome.completed().getOrDefault(Command.Kind.FUNCTION_CREATE_OR_ALTER, 0);
        }

        /**
         * Sends the commands in scripts of at most 1 MiB, each built when the one before it has been sent,
         * and reads every command's result. Completed function writes are counted, not kept.
         */
        private ScriptOutcome apply(String database, List<Command> commands) {
            Map<Command.Kind, Integer> done = new TreeMap<>();
            List<Command> doneCommands = new ArrayList<>();
            DatabaseScript.forEachBatch(database, commands, DatabaseScript.MAX_BYTES, script -> {
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
                outcome.done().stream().filter(c -> c.kind() != Command.Kind.FUNCTION_CREATE_OR_ALTER)
                        .forEach(doneCommands::add);
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
            });
            return new ScriptOutcome(done, Map.of(), List.of(), doneCommands);
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

        private FederationReport report(boolean inputsRead) {
            SortedMap<String, Integer> partitionsByDatabase = new TreeMap<>();
            topology.databases().forEach(db -> partitionsByDatabase.put(db, topology.endpoints(db).size()));
            return new FederationReport(inputsRead, topology.partitions(), malformed, partitionsByDatabase,
                    groupsInSync, functionsInSync, Map.copyOf(completed), Map.copyOf(failures), List.copyOf(failureMessages),
                    cluster.roundTrips(), commandsSent, ddlBytes, List.copyOf(commandResults),
                    conflicts.stream().sorted(Comparator.comparing(Conflict::toString)).toList(), held, excluded,
                    List.copyOf(hubDatabasesMissing), heartbeatTimes, hubNotSetUp);
        }
    }
}
