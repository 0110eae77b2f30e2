package dev.adxfed.operator.federation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.adxfed.operator.federation.Partitions.partition;
import static dev.adxfed.operator.federation.Partitions.plan;
import static org.assertj.core.api.Assertions.assertThat;

class FederationDiffTest {

    static final String P1 = "http://127.0.0.1:9001";
    static final String P2 = "http://127.0.0.1:9002";
    static final String P3 = "http://127.0.0.1:9003";

    static ExistingEntityGroup group(String name, String... entities) {
        return new ExistingEntityGroup(name, List.of(entities));
    }

    static String entity(String endpoint, String db) {
        return "cluster('" + endpoint + "').database('" + db + "')";
    }

    /** The diff in hub database Metrics when the operator owns every existing group. */
    static Changes ownedGroups(FederationPlan plan, List<ExistingEntityGroup> existing) {
        return FederationDiff.entityGroups(plan, "Metrics", existing,
                existing.stream().map(ExistingEntityGroup::name).collect(Collectors.toSet()));
    }

    static ExistingFunction owned(String name, String parameters, String body) {
        return new ExistingFunction(name, parameters, body, "adxfed");
    }

    static ExistingFunction users(String name, String body) {
        return new ExistingFunction(name, "()", body, "");
    }

    static List<String> texts(Changes changes) {
        return changes.commands().stream().map(Command::text).toList();
    }

    @Test
    void missingGroupsAreCreatedWithOneOrManyPartitions() {
        FederationPlan plan = plan(partition(P2).database("Metrics", "Cpu"), partition(P1).database("Metrics", "Cpu")
                .database("Logs", "Syslog"));

        Changes changes = ownedGroups(plan, List.of());

        assertThat(texts(changes)).containsExactly(
                ".create entity_group Logs_Partitions (cluster('http://127.0.0.1:9001').database('Logs'))",
                ".create entity_group Metrics_Partitions (cluster('http://127.0.0.1:9001').database('Metrics'), "
                        + "cluster('http://127.0.0.1:9002').database('Metrics'))");
        assertThat(changes.inSync()).isZero();
    }

    @Test
    void aPartitionAddedAltersTheGroup() {
        FederationPlan plan = plan(partition(P1).database("Metrics", "Cpu"), partition(P2).database("Metrics", "Cpu"));

        Changes changes = ownedGroups(plan, List.of(group("Metrics_Partitions", entity(P1, "Metrics"))));

        assertThat(texts(changes)).containsExactly(".alter entity_group Metrics_Partitions ("
                + "cluster('http://127.0.0.1:9001').database('Metrics'), cluster('http://127.0.0.1:9002').database('Metrics'))");
    }

    @Test
    void aPartitionRemovedAltersTheGroupToTheOthers() {
        FederationPlan plan = plan(partition(P1).database("Metrics", "Cpu"));

        Changes changes = ownedGroups(plan,
                List.of(group("Metrics_Partitions", entity(P1, "Metrics"), entity(P2, "Metrics"))));

        assertThat(texts(changes)).containsExactly(
                ".alter entity_group Metrics_Partitions (cluster('http://127.0.0.1:9001').database('Metrics'))");
    }

    @Test
    void anEqualGroupIsLeftAloneWhateverOrderQuotesOrCaseKustoReturns() {
        FederationPlan plan = plan(partition("https://P1.example.net").database("Metrics", "Cpu"),
                partition(P2).database("Metrics", "Cpu"));

        Changes changes = ownedGroups(plan, List.of(group("Metrics_Partitions",
                "cluster(\"http://127.0.0.1:9002\").database(\"Metrics\")", "cluster('https://p1.example.net').database('Metrics')")));

        assertThat(changes.commands()).isEmpty();
        assertThat(changes.inSync()).isEqualTo(1);
    }

    @Test
    void aGroupWithAnUnreadableOrDuplicatedMemberIsRewritten() {
        FederationPlan plan = plan(partition(P1).database("Metrics", "Cpu"));
        assertThat(texts(ownedGroups(plan, List.of(group("Metrics_Partitions", "database('Metrics')")))))
                .singleElement().asString().startsWith(".alter entity_group Metrics_Partitions");
        assertThat(texts(ownedGroups(plan,
                List.of(group("Metrics_Partitions", entity(P1, "Metrics"), entity(P1, "Metrics"))))))
                .singleElement().asString().startsWith(".alter entity_group Metrics_Partitions");
    }

    @Test
    void aDatabaseGoneDropsItsGroupInEveryHubDatabaseAndLeavesOtherGroupsAlone() {
        FederationPlan plan = plan(partition(P1).database("Metrics", "Cpu"));
        List<ExistingEntityGroup> inEachHubDatabase = List.of(
                group("Metrics_Partitions", entity(P1, "Metrics")),
                group("Logs_Partitions", entity(P1, "Logs")),
                group("MyOwnGroup", entity(P3, "Logs")),
                group("Partitions", entity(P3, "Logs")));

        for (String hubDatabase : List.of("Metrics", "Logs", "FederationHeartbeats")) {
            Changes changes = ownedGroups(plan, inEachHubDatabase);
            assertThat(texts(changes)).as(hubDatabase).containsExactly(".drop entity_group Logs_Partitions");
            assertThat(changes.inSync()).isEqualTo(1);
        }
    }

    @Test
    void staleGroupsStayWhenCleanupIsOff() {
        FederationPlan plan = plan(new FederationSettings("{database}_Partitions", false, false),
                partition(P1).database("Metrics", "Cpu"));

        Changes changes = ownedGroups(plan, List.of(group("Metrics_Partitions", entity(P1, "Metrics")),
                group("Logs_Partitions", entity(P1, "Logs"))));

        assertThat(changes.commands()).isEmpty();
    }

    @Test
    void staleGroupsAreFoundByTheConfiguredPattern() {
        FederationPlan plan = plan(new FederationSettings("Fed_{database}", true, false),
                partition(P1).database("Metrics", "Cpu"));

        Changes changes = ownedGroups(plan, List.of(group("Fed_Metrics", entity(P1, "Metrics")),
                group("Fed_Logs", entity(P1, "Logs")), group("Logs_Partitions", entity(P1, "Logs"))));

        assertThat(texts(changes)).containsExactly(".drop entity_group Fed_Logs");
    }

    @Test
    void zeroHeartbeatsTouchNothing() {
        FederationPlan plan = plan();

        Changes groups = ownedGroups(plan, List.of(group("Metrics_Partitions", entity(P1, "Metrics"))));
        Changes functions = FederationDiff.functions(plan, "Metrics",
                List.of(owned("Cpu", "()", "{ Cpu }")));

        assertThat(groups.commands()).isEmpty();
        assertThat(functions.commands()).isEmpty();
    }

    @Test
    void onlyFunctionsWhoseTextDiffersAreSent() {
        FederationPlan plan = plan(partition(P1).database("Metrics", "Cpu", "Mem", "Disk"),
                partition(P2).database("Metrics", "Cpu"));
        FederatedFunction cpu = plan.functions("Metrics").get(0);
        FederatedFunction disk = plan.functions("Metrics").get(1);

        Changes changes = FederationDiff.functions(plan, "Metrics", List.of(
                owned("Cpu", "()", "  " + cpu.body() + "\n"),
                owned("Disk", "(x:long)", disk.body()),
                users("Mem", "{ macro-expand entity_group [cluster('http://127.0.0.1:9001').database('Metrics')] as X ( X.Mem ) }"),
                users("Unrelated", "{ print 1 }")));

        assertThat(changes.commands()).extracting(Command::subject).containsExactly("Disk", "Mem");
        assertThat(changes.commands()).extracting(Command::kind).containsOnly(Command.Kind.FUNCTION_CREATE_OR_ALTER);
        assertThat(changes.inSync()).isEqualTo(1);
    }

    @Test
    void aSecondPassOverWhatTheFirstCreatedSendsNothing() {
        FederationPlan plan = plan(partition(P1).database("Metrics", "Cpu"), partition(P2).database("Metrics", "Cpu", "Mem"));
        List<ExistingEntityGroup> groups = plan.entityGroups().stream()
                .map(g -> new ExistingEntityGroup(g.name(), g.entities())).toList();
        List<ExistingFunction> functions = plan.functions("Metrics").stream()
                .map(f -> owned(f.name(), "()", f.body())).toList();

        assertThat(ownedGroups(plan, groups).commands()).isEmpty();
        assertThat(FederationDiff.functions(plan, "Metrics", functions).commands()).isEmpty();
    }

    @Test
    void aUsersFunctionOfATablesNameIsAConflictAndNeverChanged() {
        FederationPlan plan = plan(partition(P1).database("Metrics", "Cpu", "Mem"));

        Changes changes = FederationDiff.functions(plan, "Metrics", List.of(users("Cpu", "{ print 'mine' }"),
                users("Report", "{ print 1 }")));

        assertThat(changes.commands()).extracting(Command::subject).containsExactly("Mem");
        assertThat(changes.conflicts()).containsExactly(new Conflict("Metrics", Conflict.Kind.FUNCTION, "Cpu"));
    }

    @Test
    void aFederatedFunctionOfItsOwnNameIsAdoptedAndGetsTheFolder() {
        FederationPlan plan = plan(partition(P1).database("Metrics", "Cpu", "Mem"));
        FederatedFunction cpu = plan.functions("Metrics").get(0);

        Changes changes = FederationDiff.functions(plan, "Metrics", List.of(users("Cpu", cpu.body()),
                users("Mem", "{ macro-expand isfuzzy=true entity_group [cluster('x').database('Metrics')] as Y ( Y.['Mem'] ) }")));

        assertThat(changes.conflicts()).isEmpty();
        assertThat(texts(changes)).hasSize(2).allSatisfy(t -> assertThat(t).contains("folder='adxfed'"));
    }

    @Test
    void aFederatedFunctionOfAnotherNameIsNotAdopted() {
        FederationPlan plan = plan(partition(P1).database("Metrics", "Cpu"));

        Changes changes = FederationDiff.functions(plan, "Metrics", List.of(users("Cpu",
                "{ macro-expand entity_group [cluster('x').database('Metrics')] as X ( X.Mem ) }")));

        assertThat(changes.commands()).isEmpty();
        assertThat(changes.conflicts()).extracting(Conflict::name).containsExactly("Cpu");
    }

    @Test
    void ownedFunctionsWhoseTableLeftAreDroppedAndUsersFunctionsStay() {
        FederationPlan plan = plan(partition(P1).database("Metrics", "Cpu"));

        Changes changes = FederationDiff.functions(plan, "Metrics", List.of(owned("Cpu", "()", plan.functions("Metrics").get(0).body()),
                owned("Gone", "()", "{ print 1 }"), users("Mine", "{ print 1 }"),
                users("Old", "{ macro-expand entity_group [cluster('x').database('Metrics')] as X ( X.Old ) }")));

        assertThat(texts(changes)).containsExactly(".drop function Gone ifexists", ".drop function Old ifexists");
    }

    @Test
    void ownedFunctionsOfADatabaseWithNoLivePartitionAreDroppedUnlessCleanupIsOff() {
        FederationPlan plan = plan(partition(P1).database("Metrics", "Cpu"));
        List<ExistingFunction> inLogs = List.of(owned("Syslog", "()", "{ print 1 }"), users("Mine", "{ print 1 }"),
                users("Union", "{ macro-expand entity_group [cluster('x').database('Logs')] as X ( X.Union ) }"));
        FederationSettings keep = new FederationSettings("{database}_Partitions", true, false, "adxfed", false, Set.of(),
                java.util.Optional.empty(), PartitionSelector.ALL, 0.5, java.time.Duration.ofHours(6), false);

        assertThat(texts(FederationDiff.functions(plan, "Logs", inLogs))).containsExactly(".drop function Syslog ifexists");
        assertThat(FederationDiff.functions(plan(keep, partition(P1).database("Metrics", "Cpu")), "Logs", inLogs)
                .commands()).isEmpty();
    }

    @Test
    void aUsersGroupUnderThePatternIsNeitherAlteredNorDropped() {
        FederationPlan plan = plan(partition(P1).database("Metrics", "Cpu"));
        List<ExistingEntityGroup> existing = List.of(group("Metrics_Partitions", entity(P3, "Metrics")),
                group("Sales_Partitions", entity("https://never.example.net", "Sales")));

        Changes changes = FederationDiff.entityGroups(plan, "Metrics", existing, Set.of());

        assertThat(changes.commands()).isEmpty();
        assertThat(changes.conflicts()).containsExactly(new Conflict("Metrics", Conflict.Kind.ENTITY_GROUP, "Metrics_Partitions"));
    }

    @Test
    void aGroupIsAdoptedOnlyWhenEveryMemberIsAKnownPartitionOfItsDatabase() {
        FederationSettings settings = FederationSettings.defaults();
        Set<String> known = Set.of(P1, P2);

        assertThat(GroupOwnership.adoptable(settings, group("Logs_Partitions", entity(P1, "Logs"), entity(P2, "Logs")), known))
                .isTrue();
        assertThat(GroupOwnership.adoptable(settings, group("Sales_Partitions", entity(P1, "Sales"),
                entity("https://never.example.net", "Sales")), known)).isFalse();
        assertThat(GroupOwnership.adoptable(settings, group("Logs_Partitions", entity(P1, "Metrics")), known)).isFalse();
        assertThat(GroupOwnership.adoptable(settings, group("Mine", entity(P1, "Mine")), known)).isFalse();
    }

    /** As the hub returns the operator's own functions: a fingerprint, no body. */
    static ExistingFunction fingerprinted(String name, String bodyHash) {
        return new ExistingFunction(name, "()", "", "adxfed", bodyHash);
    }

    @Test
    void fingerprintsDecideEqualHashNothingSentDifferentHashAlterMissingCreate() {
        FederationPlan plan = plan(partition(P1).database("Metrics", "Cpu", "Disk", "Mem"), partition(P2).database("Metrics", "Cpu"));
        FederatedFunction cpu = plan.functions("Metrics").get(0);
        FederatedFunction disk = plan.functions("Metrics").get(1);

        Changes changes = FederationDiff.functions(plan, "Metrics", List.of(
                fingerprinted("Cpu", cpu.bodyHash()),
                fingerprinted("Disk", FunctionFingerprint.of(disk.body().replace("X.Disk", "X.Disk2")))));

        assertThat(changes.inSync()).isEqualTo(1);
        assertThat(changes.commands()).extracting(Command::subject).containsExactly("Disk", "Mem");
        assertThat(changes.commands()).extracting(Command::text).allMatch(t -> t.startsWith(".create-or-alter function"))
                .anyMatch(t -> t.endsWith(disk.body()));
        assertThat(cpu.bodyHash()).as("Kusto's hash_sha256: lowercase hex of the UTF-8 bytes").matches("[0-9a-f]{64}")
                .isEqualTo(FunctionFingerprint.sha256(FunctionFingerprint.canonical(cpu.body())));
    }

    @Test
    void fingerprintsIgnoreWhiteSpaceOutsideStringsAndKeepItInside() {
        String body = "{ macro-expand isfuzzy=true best_effort=true entity_group [cluster('https://a b').database('Logs 2')]"
                + " as X ( X.['my table'] | where M == \"x  y\" or V == @'c:\\ d' // it's  here\n | take 1 ) }";
        String respaced = body.replace("{ ", "{").replace(" as X", "\n   as\tX").replace(" ) }", ")\r\n}")
                .replace("| take", "|take");

        assertThat(FunctionFingerprint.of(respaced)).isEqualTo(FunctionFingerprint.of(body));
        assertThat(FunctionFingerprint.canonical(body)).contains("'https://a b'", "'Logs 2'", "['my table']",
                "\"x  y\"", "@'c:\\ d'", "// it's  here");
        for (String changedInside : List.of(body.replace("Logs 2", "Logs2"), body.replace("x  y", "x y"),
                body.replace("c:\\ d", "c:\\d"), body.replace("'my table'", "'mytable'"))) {
            assertThat(FunctionFingerprint.of(changedInside)).as(changedInside).isNotEqualTo(FunctionFingerprint.of(body));
        }
    }

    @Test
    void overEntityGroupsEveryFunctionNamesItsDatabasesGroupAndIsFuzzy() {
        FederationPlan plan = plan(FederationSettings.defaults().withFunctionsOverEntityGroups(true),
                partition(P1).database("Metrics", "Cpu", "Disk"), partition(P2).database("Metrics", "Cpu"));

        assertThat(plan.functions("Metrics")).extracting(FederatedFunction::body).containsExactly(
                "{ macro-expand isfuzzy=true best_effort=true Metrics_Partitions as X ( X.Cpu ) }",
                "{ macro-expand isfuzzy=true best_effort=true Metrics_Partitions as X ( X.Disk ) }");
        Changes fromInline = FederationDiff.functions(plan, "Metrics", List.of(owned("Cpu", "()",
                "{ macro-expand entity_group [cluster('" + P1 + "').database('Metrics')] as X ( X.Cpu ) }")));
        assertThat(fromInline.commands()).extracting(Command::subject).containsExactly("Cpu", "Disk");
    }
}
