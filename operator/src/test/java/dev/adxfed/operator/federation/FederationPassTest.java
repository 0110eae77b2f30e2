package dev.adxfed.operator.federation;

import dev.adxfed.operator.heartbeat.Heartbeat;
import dev.adxfed.operator.heartbeat.HeartbeatPages;
import dev.adxfed.operator.heartbeat.HeartbeatTable;
import dev.adxfed.operator.heartbeat.DatabaseSchema;
import dev.adxfed.operator.heartbeat.PartitionSchema;
import dev.adxfed.operator.heartbeat.TableSchema;
import dev.adxfed.operator.heartbeat.Column;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FederationPassTest {

    static final String P1 = "http://127.0.0.1:9001";
    static final String P2 = "http://127.0.0.1:9002";
    static final String P3 = "http://127.0.0.1:9003";
    static final Hub HUB = new Hub("http://hub.test", new HeartbeatTable("FederationHeartbeats", "Heartbeat"),
            Duration.ofHours(1), FederationSettings.defaults());

    /** {@code schema("Metrics:Cpu,Mem", "Logs:Syslog")} as a partition writes it. */
    static String schema(String... databases) {
        List<DatabaseSchema> dbs = new ArrayList<>();
        for (String spec : databases) {
            String[] parts = spec.split(":");
            List<TableSchema> tables = new ArrayList<>();
            if (parts.length > 1) {
                for (String t : parts[1].split(",")) {
                    tables.add(new TableSchema(t, List.of(new Column("Timestamp", "datetime"))));
                }
            }
            dbs.add(new DatabaseSchema(parts[0], tables, List.of()));
        }
        return new Heartbeat(Instant.EPOCH, "unused", new PartitionSchema(dbs), Map.of()).schemaJson();
    }

    static FakeHub hubWithThreePartitions() {
        FakeHub hub = new FakeHub("FederationHeartbeats", "Metrics", "Logs");
        hub.heartbeat(P1, schema("Metrics:Cpu,Mem", "Logs:Syslog"));
        hub.heartbeat(P2, schema("Metrics:Cpu"));
        hub.heartbeat(P3, schema("Metrics:Cpu,Disk", "Logs:Syslog,Audit"));
        return hub;
    }

    /** Ten minutes after the heartbeats FakeHub dates by default. */
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T10:10:00Z"), ZoneOffset.UTC);

    static FederationReport pass(FakeHub hub) {
        return pass(hub, HUB, false);
    }

    static FederationReport pass(FakeHub hub, Hub settings, boolean release) {
        return new FederationPass((endpoint, identity) -> hub, NOW).run(settings, release);
    }

    static Hub hub(FederationSettings settings) {
        return new Hub(HUB.endpoint(), HUB.heartbeatTable(), HUB.heartbeatTtl(), settings);
    }

    static String entity(String endpoint, String db) {
        return "cluster('" + endpoint + "').database('" + db + "')";
    }

    @Test
    void aHubWithoutItsHeartbeatTableIsSetUpAndNothingElseIsRead() {
        FakeHub hub = new FakeHub("Metrics");

        FederationReport report = pass(hub);

        assertThat(report.hubNotSetUp()).isTrue();
        assertThat(report.succeeded()).isTrue();
        assertThat(hub.tables.get("FederationHeartbeats")).containsExactly("AdxfedOwnership", "Heartbeat");
        assertThat(hub.encodingsAltered).as("the Schema column of the table it made gets 32 MB")
                .containsExactly(".alter column Heartbeat.Schema policy encoding type='BigObject32'");
        assertThat(report.completed()).containsEntry("table.create", 2).containsEntry("column.alterEncoding", 1);
        assertThat(hub.sent).as("no heartbeat read from a table made just now")
                .noneMatch(s -> s.text().contains("summarize") || s.text().startsWith(".show entity_groups"));
        assertThat(pass(hub).hubNotSetUp()).as("set up by the first pass").isFalse();
    }

    @Test
    void firstPassCreatesTheOwnershipRecordGroupsInEveryHubDatabaseAndFunctions() {
        FakeHub hub = hubWithThreePartitions();

        FederationReport report = pass(hub);

        assertThat(hub.tables.get("FederationHeartbeats")).containsExactly("AdxfedOwnership", "Heartbeat");
        for (String db : List.of("FederationHeartbeats", "Logs", "Metrics")) {
            assertThat(hub.groups(db)).as(db).containsOnlyKeys("Logs_Partitions", "Metrics_Partitions");
            assertThat(hub.groups(db).get("Metrics_Partitions"))
                    .containsExactly(entity(P1, "Metrics"), entity(P2, "Metrics"), entity(P3, "Metrics"));
            assertThat(hub.groups(db).get("Logs_Partitions")).containsExactly(entity(P1, "Logs"), entity(P3, "Logs"));
        }
        assertThat(hub.functions("Metrics")).containsOnlyKeys("Cpu", "Disk", "Mem");
        assertThat(hub.functions("Metrics").get("Disk")).isEqualTo(
                "{ macro-expand isfuzzy=true best_effort=true entity_group [" + entity(P3, "Metrics") + "] as X ( X.Disk ) }");
        assertThat(hub.functions("Logs")).containsOnlyKeys("Audit", "Syslog");
        assertThat(report.succeeded()).isTrue();
        assertThat(report.partitions()).isEqualTo(3);
        assertThat(report.partitionsByDatabase()).isEqualTo(Map.of("Logs", 2, "Metrics", 3));
        assertThat(report.entityGroupsInSync()).isEqualTo(6);
        assertThat(report.functionsInSync()).isEqualTo(5);
        assertThat(report.completed()).containsEntry("entityGroup.create", 6).containsEntry("function.createOrAlter", 5)
                .containsEntry("table.create", 1).containsEntry("ownership.record", 1);
        assertThat(hub.encodingsAltered).as("the heartbeat table was there: its column is left as it is").isEmpty();
        assertThat(hub.ownershipRows).hasSize(6);
    }

    @Test
    void aSecondPassWithNothingChangedSendsNoDdlAndRoundTripsGrowWithDatabasesOnly() {
        FakeHub hub = hubWithThreePartitions();
        pass(hub);
        int before = hub.ddl().size();

        FederationReport second = pass(hub);

        assertThat(hub.ddl()).hasSize(before);
        assertThat(second.commandsSent()).isZero();
        assertThat(second.ddlBytes()).isZero();
        assertThat(second.entityGroupsInSync()).isEqualTo(6);
        assertThat(second.functionsInSync()).isEqualTo(5);
        // .show databases, .show tables, heartbeat size and one page, ownership query, 3 x .show entity_groups,
        // 3 x .show functions (every hub database is looked at for stale functions) and 2 x .show tables details
        // (where functions are planned; no table there is empty, so no columns are read)
        assertThat(second.roundTrips()).isEqualTo(13);
    }

    @Test
    void aPartitionThatStopsHeartbeatingLeavesTheGroupsAndAGoneDatabaseIsDroppedEverywhere() {
        FakeHub hub = hubWithThreePartitions();
        pass(hub);
        hub.heartbeatRows.clear();
        hub.heartbeat(P2, schema("Metrics:Cpu"));

        FederationReport report = pass(hub);

        for (String db : List.of("FederationHeartbeats", "Logs", "Metrics")) {
            assertThat(hub.groups(db)).as(db).containsOnlyKeys("Metrics_Partitions");
            assertThat(hub.groups(db).get("Metrics_Partitions")).containsExactly(entity(P2, "Metrics"));
        }
        assertThat(hub.functions("Metrics").get("Cpu")).contains("[" + entity(P2, "Metrics") + "]");
        assertThat(report.completed()).containsEntry("entityGroup.alter", 3).containsEntry("entityGroup.drop", 3);
    }

    @Test
    void zeroFreshHeartbeatsTouchNothing() {
        FakeHub hub = hubWithThreePartitions();
        pass(hub);
        int before = hub.ddl().size();
        hub.heartbeatRows.clear();

        FederationReport report = pass(hub);

        assertThat(hub.ddl()).hasSize(before);
        assertThat(hub.groups("Metrics")).containsOnlyKeys("Logs_Partitions", "Metrics_Partitions");
        assertThat(report.heartbeatsRead()).isTrue();
        assertThat(report.partitions()).isZero();
        assertThat(report.heartbeatTimes()).isEqualTo(HeartbeatTimes.none(HUB.heartbeatTtl()));
    }

    @Test
    void theReportCarriesWhenTheFreshMembersHeartbeatedLeavingOutBlockedPartitions() {
        FakeHub hub = new FakeHub("FederationHeartbeats", "Metrics");
        hub.heartbeat(P1, schema("Metrics:Cpu"), "2026-11-25T10:00:00Z");
        hub.heartbeat(P2, schema("Metrics:Cpu"), "2026-11-25T09:30:00Z");
        hub.heartbeat(P3, schema("Metrics:Cpu"), "2026-11-25T09:15:00Z");
        Hub blockingP3 = hub(new FederationSettings("{database}_Partitions", true, false, "adxfed", true, java.util.Set.of(P3),
                java.util.Optional.empty(), PartitionSelector.ALL, 0.5, Duration.ofHours(6), false));

        HeartbeatTimes times = pass(hub, blockingP3, false).heartbeatTimes();

        assertThat(times.partitions()).isEqualTo(2);
        assertThat(times.oldest()).contains(Instant.parse("2026-11-25T09:30:00Z"));
        assertThat(times.newest()).contains(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(times.ttl()).isEqualTo(Duration.ofHours(1));
        assertThat(times.before(Instant.parse("2026-11-25T09:40:00Z"))).isEqualTo(1);
    }

    @Test
    void aFailedHeartbeatReadChangesNothingAndIsReportedWithItsStage() {
        FakeHub hub = hubWithThreePartitions();
        pass(hub);
        int before = hub.ddl().size();
        hub.failing(text -> text.startsWith("let Rows = Heartbeat |"));
        hub.heartbeatRows.clear();

        FederationReport report = pass(hub);

        assertThat(hub.ddl()).hasSize(before);
        assertThat(report.heartbeatsRead()).isFalse();
        assertThat(report.failures()).isEqualTo(Map.of("heartbeat.read", 1));
        assertThat(report.failureMessages()).singleElement().asString()
                .startsWith("heartbeat.read failed on http://hub.test database FederationHeartbeats: refused by the test");
    }

    @Test
    void failingEntityGroupCommandsLeaveFunctionsInSync() {
        FakeHub hub = hubWithThreePartitions().failing(text -> text.startsWith(".create entity_group"));

        FederationReport report = pass(hub);

        assertThat(hub.groups("Metrics")).isEmpty();
        assertThat(hub.functions("Metrics")).containsOnlyKeys("Cpu", "Disk", "Mem");
        assertThat(report.functionsInSync()).isEqualTo(5);
        assertThat(report.entityGroupsInSync()).isZero();
        assertThat(report.failures()).isEqualTo(Map.of("entityGroup.create", 6));
        assertThat(report.failureMessages()).contains(
                "entityGroup.create Metrics_Partitions in Logs: Failed refused by the test");        assertThat(report.commandResults()).contains(
                new CommandResults("Logs", Command.Kind.ENTITY_GROUP_CREATE, CommandResults.FAILED, 2),
                new CommandResults("Metrics", Command.Kind.FUNCTION_CREATE_OR_ALTER, CommandResults.COMPLETED, 3));
    }

    @Test
    void failingFunctionCommandsLeaveEntityGroupsInSync() {
        FakeHub hub = hubWithThreePartitions().failing(text -> text.startsWith(".create-or-alter function"));

        FederationReport report = pass(hub);

        assertThat(hub.groups("Metrics")).containsOnlyKeys("Logs_Partitions", "Metrics_Partitions");
        assertThat(report.entityGroupsInSync()).isEqualTo(6);
        assertThat(report.failures()).isEqualTo(Map.of("function.createOrAlter", 5));
    }

    @Test
    void aHubDatabaseThatCannotBeCreatedIsReportedAndItsObjectsSkipped() {
        FakeHub hub = new FakeHub("FederationHeartbeats", "Metrics");
        hub.databaseCreationAllowed = false;
        hub.heartbeat(P1, schema("Metrics:Cpu", "Logs:Syslog"));

        FederationReport report = pass(hub);

        assertThat(hub.functions("Metrics")).containsOnlyKeys("Cpu");
        assertThat(hub.functions("Logs")).isEmpty();
        assertThat(hub.groups("Metrics")).containsOnlyKeys("Logs_Partitions", "Metrics_Partitions");
        assertThat(report.failures()).isEmpty();
        assertThat(report.hubDatabasesMissing()).containsExactly("Logs");
    }

    @Test
    void missingHubDatabasesAreCreatedWhereTheClusterAllows() {
        FakeHub hub = new FakeHub();
        hub.heartbeat(P1, schema("Metrics:Cpu"));

        pass(hub);

        assertThat(hub.databases).containsExactly("FederationHeartbeats", "Metrics");
        assertThat(hub.functions("Metrics")).containsOnlyKeys("Cpu");
    }

    @Test
    void aMalformedHeartbeatIsCountedAndTheOthersFederated() {
        FakeHub hub = new FakeHub("FederationHeartbeats", "Metrics");
        hub.heartbeat(P1, schema("Metrics:Cpu"));
        hub.heartbeat("https://evil.example.net", "[{\"database\":\"Metrics\",\"tables\":[\"Cpu() { print 1 } .drop\"]}]");

        FederationReport report = pass(hub);

        assertThat(report.malformed()).singleElement().satisfies(m -> {
            assertThat(m.clusterEndpoint()).isEqualTo("https://evil.example.net");
            assertThat(m.problem()).contains("invalid table");
        });
        assertThat(hub.groups("Metrics").get("Metrics_Partitions")).containsExactly(entity(P1, "Metrics"));
    }

    @Test
    void oneHubDatabaseWhoseGroupsCannotBeReadDoesNotStopTheOthers() {
        FakeHub failingShow = hubWithThreePartitions().failingIn("Logs", text -> text.equals(".show entity_groups"));

        FederationReport report = pass(failingShow);

        assertThat(failingShow.groups("Logs")).isEmpty();
        assertThat(failingShow.groups("Metrics")).containsOnlyKeys("Logs_Partitions", "Metrics_Partitions");
        assertThat(report.failures()).isEqualTo(Map.of("entityGroups.show", 1));
        assertThat(report.failureMessages()).singleElement().asString()
                .isEqualTo("entity groups of Logs left as they are: entityGroups.show failed on http://hub.test database Logs:"
                        + " refused by the test");
    }

    @Test
    void usersObjectsSurviveAndAreReportedAsConflicts() {
        FakeHub hub = hubWithThreePartitions();
        hub.userFunction("Metrics", "Cpu", "{ print 'mine' }");
        hub.userFunction("Metrics", "Report", "{ print 1 }");
        hub.groups("Metrics").put("Sales_Partitions", List.of(entity("https://never.example.net", "Sales")));

        FederationReport first = pass(hub);
        FederationReport second = pass(hub);

        assertThat(hub.functions("Metrics")).containsEntry("Cpu", "{ print 'mine' }").containsEntry("Report", "{ print 1 }");
        assertThat(hub.groups("Metrics")).containsKey("Sales_Partitions");
        assertThat(second.conflicts()).containsExactly(new Conflict("Metrics", Conflict.Kind.FUNCTION, "Cpu"));
        assertThat(first.conflicts()).isEqualTo(second.conflicts());
        assertThat(second.commandsSent()).isZero();
    }

    @Test
    void twoOfThreeFallingSilentAreHeldAndReleasedByAPersonOrTheHoldTime() {
        FakeHub hub = hubWithThreePartitions();
        pass(hub);
        hub.heartbeatRows.clear();
        hub.heartbeat(P1, schema("Metrics:Cpu,Mem", "Logs:Syslog"), "2026-11-25T08:00:00Z");
        hub.heartbeat(P2, schema("Metrics:Cpu"));
        hub.heartbeat(P3, schema("Metrics:Cpu,Disk", "Logs:Syslog,Audit"), "2026-11-25T08:00:00Z");

        FederationReport held = pass(hub);

        assertThat(held.heldDepartures().endpoints()).containsExactly(P1, P3);
        assertThat(held.heldDepartures().members()).isEqualTo(3);
        assertThat(held.partitions()).isEqualTo(3);
        assertThat(held.heartbeatTimes().partitions()).as("held ones are past the TTL: only P2 is fresh").isEqualTo(1);
        assertThat(held.heartbeatTimes().oldest()).contains(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(hub.groups("Metrics").get("Metrics_Partitions")).hasSize(3);
        assertThat(hub.functions("Metrics")).containsKey("Disk");

        FederationReport released = pass(hub, HUB, true);

        assertThat(released.heldDepartures().isEmpty()).isTrue();
        assertThat(hub.groups("Metrics").get("Metrics_Partitions")).containsExactly(entity(P2, "Metrics"));
        assertThat(hub.groups("Metrics")).doesNotContainKey("Logs_Partitions");
        assertThat(hub.functions("Metrics")).containsOnlyKeys("Cpu");
        assertThat(hub.functions("Logs")).isEmpty();
    }

    @Test
    void heldDeparturesAreAppliedOnceSilentForTheHoldTimeBeyondTheTtl() {
        FakeHub hub = hubWithThreePartitions();
        pass(hub);
        hub.heartbeatRows.clear();
        hub.heartbeat(P1, schema("Metrics:Cpu"), "2026-11-25T08:00:00Z");
        hub.heartbeat(P2, schema("Metrics:Cpu"));
        hub.heartbeat(P3, schema("Metrics:Cpu"), "2026-11-25T08:00:00Z");
        Hub shortHold = hub(new FederationSettings("{database}_Partitions", true, false, "adxfed", true, java.util.Set.of(),
                java.util.Optional.empty(), PartitionSelector.ALL, 0.5, Duration.ofMinutes(30), false));

        FederationReport report = pass(hub, shortHold, false);

        assertThat(report.heldDepartures().isEmpty()).isTrue();
        assertThat(hub.groups("Metrics").get("Metrics_Partitions")).containsExactly(entity(P2, "Metrics"));
    }

    @Test
    void oneOfThreeFallingSilentGoesThroughAtTheTtl() {
        FakeHub hub = hubWithThreePartitions();
        pass(hub);
        hub.heartbeatRows.clear();
        hub.heartbeat(P1, schema("Metrics:Cpu,Mem", "Logs:Syslog"));
        hub.heartbeat(P2, schema("Metrics:Cpu"));
        hub.heartbeat(P3, schema("Metrics:Cpu,Disk", "Logs:Syslog,Audit"), "2026-11-25T08:00:00Z");

        FederationReport report = pass(hub);

        assertThat(report.heldDepartures().isEmpty()).isTrue();
        assertThat(hub.groups("Metrics").get("Metrics_Partitions")).containsExactly(entity(P1, "Metrics"), entity(P2, "Metrics"));
        assertThat(hub.functions("Metrics")).doesNotContainKey("Disk");
        assertThat(hub.functions("Logs")).containsOnlyKeys("Syslog");
    }

    @Test
    void anUnreadableBlockedClustersFunctionChangesNothing() {
        FakeHub hub = hubWithThreePartitions();
        Hub blocking = hub(new FederationSettings("{database}_Partitions", true, false, "adxfed", true, java.util.Set.of(P3),
                java.util.Optional.of(new FederationSettings.BlockedFunction("Metrics", "Blocked")), PartitionSelector.ALL,
                0.5, Duration.ofHours(6), false));
        hub.failing(text -> text.equals("Blocked()"));

        FederationReport report = pass(hub, blocking, false);

        assertThat(report.heartbeatsRead()).isFalse();
        assertThat(report.failures()).containsOnlyKeys("blockedClusters.read");
        assertThat(hub.ddl()).allSatisfy(d -> assertThat(d).matches("^\\.create-merge table .*|.* policy encoding type='BigObject32'$"));
    }

    @Test
    void theOwnershipRecordFailingToBeWrittenHoldsBackCreationsOnly() {
        FakeHub hub = hubWithThreePartitions().failing(text -> text.startsWith(".ingest inline into table AdxfedOwnership"));

        FederationReport report = pass(hub);

        assertThat(hub.groups("Metrics")).isEmpty();
        assertThat(hub.functions("Metrics")).containsOnlyKeys("Cpu", "Disk", "Mem");
        assertThat(report.failures()).containsOnlyKeys("ownership.record");
    }

    @Test
    void aGroupTheRecordSaysWasDroppedIsNoLongerTheOperatorsWhenAUserRemakesIt() {
        FakeHub hub = hubWithThreePartitions();
        pass(hub);
        hub.heartbeatRows.clear();
        hub.heartbeat(P2, schema("Metrics:Cpu"));
        pass(hub);
        hub.groups("Metrics").put("Logs_Partitions", List.of(entity("https://mine.example.net", "Logs")));

        FederationReport report = pass(hub);

        assertThat(hub.groups("Metrics").get("Logs_Partitions")).containsExactly(entity("https://mine.example.net", "Logs"));
        assertThat(report.commandsSent()).isZero();
    }

    @Test
    void anUnchangedPassComparesFingerprintsAndDownloadsNoBodyOfItsOwnFunctions() {
        FakeHub hub = hubWithThreePartitions();
        hub.userFunction("Metrics", "Report", "{ print 1 }");
        pass(hub);
        hub.bodiesSent = 0;
        int sent = hub.sent.size();

        FederationReport second = pass(hub);

        assertThat(second.commandsSent()).isZero();
        assertThat(second.functionsInSync()).isEqualTo(5);
        assertThat(hub.bodiesSent).as("function bodies in .show functions results").isZero();
        assertThat(hub.sent.subList(sent, hub.sent.size())).extracting(FakeHub.Sent::text)
                .filteredOn(t -> t.startsWith(".show functions")).allMatch(t -> t.contains("hash_sha256("));
    }

    @Test
    void aFailingHeartbeatPageChangesNothing() {
        FakeHub hub = hubWithThreePartitions();
        Hub paged = new Hub(HUB.endpoint(), HUB.heartbeatTable(), HUB.heartbeatTtl(), HUB.settings(),
                new HeartbeatPages(2, 1 << 20));
        hub.failing(text -> text.contains("hash(ClusterEndpoint, 3) == 1"));

        FederationReport report = pass(hub, paged, false);

        assertThat(report.heartbeatsRead()).isFalse();
        assertThat(report.failureMessages()).singleElement().asString().contains("heartbeat.read").contains("nothing changed");
        assertThat(hub.ddl()).allMatch(t -> t.startsWith(".create-merge table") || t.endsWith("policy encoding type='BigObject32'"));
        assertThat(hub.sent).extracting(FakeHub.Sent::text).filteredOn(t -> t.contains("hash(ClusterEndpoint, 3) =="))
                .hasSize(2);
    }

    @Test
    void switchingFunctionMembersAltersTheOperatorsFunctionsAndNothingElse() {
        FakeHub hub = hubWithThreePartitions();
        hub.userFunction("Metrics", "Report", "{ print 1 }");
        pass(hub);
        Hub overGroups = hub(FederationSettings.defaults().withFunctionsOverEntityGroups(true));
        int sent = hub.ddl().size();

        FederationReport switched = pass(hub, overGroups, false);

        assertThat(hub.ddl().subList(sent, hub.ddl().size())).hasSize(5).allMatch(t -> t.startsWith(".create-or-alter function"));
        assertThat(hub.functions("Metrics").get("Disk")).isEqualTo(
                "{ macro-expand isfuzzy=true best_effort=true Metrics_Partitions as X ( X.Disk ) }");
        assertThat(hub.functions("Metrics").get("Report")).isEqualTo("{ print 1 }");
        assertThat(switched.functionsInSync()).isEqualTo(5);
        assertThat(pass(hub, overGroups, false).commandsSent()).as("an unchanged hub over groups").isZero();

        pass(hub);
        assertThat(hub.functions("Metrics").get("Disk")).isEqualTo(
                "{ macro-expand isfuzzy=true best_effort=true entity_group [" + entity(P3, "Metrics") + "] as X ( X.Disk ) }");
    }

    @Test
    void overEntityGroupsAPartitionJoiningChangesTheGroupsAndNoFunction() {
        FakeHub hub = hubWithThreePartitions();
        Hub overGroups = hub(FederationSettings.defaults().withFunctionsOverEntityGroups(true));
        pass(hub, overGroups, false);
        hub.heartbeat("http://127.0.0.1:9004", schema("Metrics:Cpu,Disk"));
        int sent = hub.ddl().size();

        pass(hub, overGroups, false);

        assertThat(hub.ddl().subList(sent, hub.ddl().size())).hasSize(3).allMatch(t -> t.startsWith(".alter entity_group"));
    }

    @Test
    void aFunctionNeverHidesAHubTableButAdxMonsEmptyPlaceholdersStayBehindTheirFunctions() {
        FakeHub hub = hubWithThreePartitions();
        hub.table("Metrics", "Cpu", 12, Map.of("Timestamp", "System.DateTime", "Value", "System.Double"));
        hub.table("Metrics", "Mem", 0, HubTables.ADX_MON_PLACEHOLDER_COLUMNS.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> switch (e.getValue()) {
                    case "datetime" -> "System.DateTime";
                    case "int" -> "System.Int32";
                    case "dynamic" -> "System.Object";
                    default -> "System.String";
                })));
        hub.table("Metrics", "Disk", 0, Map.of("Timestamp", "System.DateTime"));

        FederationReport report = pass(hub);

        assertThat(hub.functions("Metrics")).as("Mem's table is adx-mon's placeholder").containsOnlyKeys("Mem");
        assertThat(report.conflicts()).containsExactly(new Conflict("Metrics", Conflict.Kind.TABLE, "Cpu"),
                new Conflict("Metrics", Conflict.Kind.TABLE, "Disk"));
        assertThat(report.conflicts().get(0).why()).contains("would hide");
        assertThat(report.succeeded()).isTrue();

        hub.tables.get("Metrics").remove("Cpu");
        pass(hub);
        assertThat(hub.functions("Metrics")).containsOnlyKeys("Cpu", "Mem");
        hub.table("Metrics", "Cpu", 1, Map.of("Timestamp", "System.DateTime"));
        pass(hub);
        assertThat(hub.functions("Metrics")).as("the operator's function stops hiding a table made later")
                .containsOnlyKeys("Mem");
    }

    @Test
    void thePartitionsHeartbeatDatabaseAndTheHubsOwnEndpointAreNeverFederatedIntoTheHub() {
        FakeHub hub = hubWithThreePartitions();
        hub.heartbeat("https://mistaken.example.net", schema("FederationHeartbeats:Heartbeat,AdxfedOwnership", "Metrics:Cpu"));
        hub.heartbeat(HUB.endpoint(), schema("Metrics:Cpu", "Hub:Local"));

        FederationReport report = pass(hub);

        assertThat(hub.functions("FederationHeartbeats")).isEmpty();
        assertThat(hub.groups("Metrics")).doesNotContainKeys("FederationHeartbeats_Partitions", "Hub_Partitions");
        assertThat(hub.groups("Metrics").get("Metrics_Partitions")).contains(entity("https://mistaken.example.net", "Metrics"))
                .doesNotContain(entity(HUB.endpoint(), "Metrics"));
        assertThat(hub.databases).doesNotContain("Hub");
        assertThat(report.conflicts()).containsExactly(
                new Conflict("FederationHeartbeats", Conflict.Kind.HEARTBEAT_DATABASE, "https://mistaken.example.net"),
                new Conflict("", Conflict.Kind.HUB_ENDPOINT, HUB.endpoint()));
        assertThat(report.partitions()).isEqualTo(4);
    }
}
