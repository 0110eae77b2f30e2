package dev.adxfed.operator.review;

import dev.adxfed.operator.api.DurationText;
import dev.adxfed.operator.federation.Changes;
import dev.adxfed.operator.federation.Command;
import dev.adxfed.operator.federation.Conflict;
import dev.adxfed.operator.federation.EntityGroup;
import dev.adxfed.operator.federation.ExistingEntityGroup;
import dev.adxfed.operator.federation.ExistingFunction;
import dev.adxfed.operator.federation.FederatedFunction;
import dev.adxfed.operator.federation.FederationPlan;
import dev.adxfed.operator.federation.FederationReport;
import dev.adxfed.operator.federation.HeldDepartures;
import dev.adxfed.operator.federation.Hub;
import dev.adxfed.operator.federation.Membership;
import dev.adxfed.operator.federation.PassObserver;
import dev.adxfed.operator.heartbeat.PartitionHeartbeat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Listens to one dry-run pass and turns its decisions into a {@link HubReview}: an object with a create
 * command is missing, one with an alter (or a create-or-alter of an existing function) drifted, one with
 * a drop is stale, one in the diff's conflicts belongs to a user, and the rest is in sync.
 */
public final class ReviewRecorder implements PassObserver {

    private List<PartitionHeartbeat> heartbeats = List.of();
    private Instant now;
    private Membership membership;
    private FederationPlan plan;
    private final SortedMap<String, List<GroupReview>> groups = new TreeMap<>();
    private final SortedMap<String, List<FunctionReview>> functions = new TreeMap<>();
    private final SortedSet<String> databasesCreated = new TreeSet<>();

    @Override
    public void heartbeatsRead(List<PartitionHeartbeat> read, Instant at) {
        heartbeats = List.copyOf(read);
        now = at;
    }

    @Override
    public void databaseCreated(String database) {
        databasesCreated.add(database);
    }

    @Override
    public void planned(Membership members, FederationPlan federationPlan) {
        membership = members;
        plan = federationPlan;
    }

    @Override
    public void entityGroups(String hubDatabase, List<ExistingEntityGroup> existing, Changes changes) {
        Map<String, List<String>> current = existing.stream()
                .collect(Collectors.toMap(ExistingEntityGroup::name, ExistingEntityGroup::entities, (a, b) -> a));
        Map<String, Command.Kind> commands = bySubject(changes);
        Set<String> conflicts = conflicts(changes, Conflict.Kind.ENTITY_GROUP);
        List<GroupReview> reviews = new ArrayList<>();
        for (EntityGroup group : plan.entityGroups()) {
            Command.Kind kind = commands.get(group.name());
            ObjectState state = conflicts.contains(group.name()) ? ObjectState.CONFLICT
                    : kind == Command.Kind.ENTITY_GROUP_CREATE ? ObjectState.MISSING
                    : kind == Command.Kind.ENTITY_GROUP_ALTER ? ObjectState.DRIFTED : ObjectState.IN_SYNC;
            reviews.add(new GroupReview(group.name(), state, current.getOrDefault(group.name(), List.of()), group.entities()));
        }
        commands.forEach((name, kind) -> {
            if (kind == Command.Kind.ENTITY_GROUP_DROP) {
                reviews.add(new GroupReview(name, ObjectState.STALE, current.getOrDefault(name, List.of()), List.of()));
            }
        });
        reviews.sort(Comparator.comparing(GroupReview::name));
        groups.put(hubDatabase, reviews);
    }

    @Override
    public void functions(String database, List<ExistingFunction> existing, Changes changes) {
        Set<String> present = existing.stream().map(ExistingFunction::name).collect(Collectors.toSet());
        Map<String, Command.Kind> commands = bySubject(changes);
        Set<String> conflicts = conflicts(changes, Conflict.Kind.FUNCTION);
        List<FunctionReview> reviews = new ArrayList<>();
        for (FederatedFunction function : plan.functions(database)) {
            ObjectState state = conflicts.contains(function.name()) ? ObjectState.CONFLICT
                    : commands.get(function.name()) != Command.Kind.FUNCTION_CREATE_OR_ALTER ? ObjectState.IN_SYNC
                    : present.contains(function.name()) ? ObjectState.DRIFTED : ObjectState.MISSING;
            reviews.add(new FunctionReview(function.name(), state, function.entities(), function.entityGroup().orElse(null)));
        }
        commands.forEach((name, kind) -> {
            if (kind == Command.Kind.FUNCTION_DROP) {
                reviews.add(new FunctionReview(name, ObjectState.STALE, List.of()));
            }
        });
        reviews.sort(Comparator.comparing(FunctionReview::name));
        functions.put(database, reviews);
    }

    /**
     * @param name            what the hub is called (the resource's name)
     * @param pendingRequests how many requests (scripts and single commands) the dry run withheld
     */
    public HubReview review(String name, Hub hub, FederationReport report, int pendingRequests, LastPass lastPass) {
        HeldDepartures held = report.heldDepartures();
        SortedMap<String, DatabaseReview> databases = new TreeMap<>();
        groups.forEach((db, reviews) -> databases.put(db, new DatabaseReview(db, reviews, List.of())));
        functions.forEach((db, reviews) -> databases.put(db, new DatabaseReview(db,
                databases.containsKey(db) ? databases.get(db).entityGroups() : List.of(), reviews)));
        return new HubReview(name, hub.endpoint(), DurationText.format(hub.heartbeatTtl()), now == null ? null : now.toString(),
                report.heartbeatsRead(), partitions(hub.heartbeatTtl(), held), List.copyOf(databases.values()),
                held.endpoints(), held.reason(), report.hubDatabasesMissing(), pendingRequests, report.failureMessages(),
                lastPass, report.hubNotSetUp(), List.copyOf(databasesCreated));
    }

    private List<PartitionReview> partitions(Duration ttl, HeldDepartures held) {
        Set<String> members = membership == null ? Set.of() : membership.members().stream()
                .map(PartitionHeartbeat::clusterEndpoint).collect(Collectors.toSet());
        List<PartitionReview> partitions = new ArrayList<>();
        for (PartitionHeartbeat heartbeat : heartbeats) {
            boolean live = heartbeat.timestamp().isAfter(now.minus(ttl));
            String endpoint = heartbeat.clusterEndpoint();
            PartitionReview.Role role = live ? members.contains(endpoint) ? PartitionReview.Role.MEMBER : PartitionReview.Role.LEFT_OUT
                    : held.endpoints().contains(endpoint) ? PartitionReview.Role.HELD : PartitionReview.Role.DEPARTED;
            partitions.add(new PartitionReview(endpoint, heartbeat.timestamp().toString(),
                    Math.max(0, Duration.between(heartbeat.timestamp(), now).toSeconds()), live, role,
                    heartbeat.databases().stream().map(d -> new PartitionReview.PartitionDatabaseReview(d.name(),
                            d.tables().size(), d.views().size())).toList()));
        }
        partitions.sort(Comparator.comparing(PartitionReview::endpoint));
        return partitions;
    }

    private static Map<String, Command.Kind> bySubject(Changes changes) {
        Map<String, Command.Kind> kinds = new HashMap<>();
        changes.commands().forEach(c -> kinds.put(c.subject(), c.kind()));
        return new TreeMap<>(kinds);
    }

    private static Set<String> conflicts(Changes changes, Conflict.Kind kind) {
        return changes.conflicts().stream().filter(c -> c.kind() == kind).map(Conflict::name).collect(Collectors.toSet());
    }
}
