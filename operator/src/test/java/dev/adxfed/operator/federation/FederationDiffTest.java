package dev.adxfed.operator.federation;

import org.junit.jupiter.api.Test;

import java.util.List;

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

    static List<String> texts(Changes changes) {
        return changes.commands().stream().map(Command::text).toList();
    }

    @Test
    void missingGroupsAreCreatedWithOneOrManyPartitions() {
        FederationPlan plan = plan(partition(P2).database("Metrics", "Cpu"), partition(P1).database("Metrics", "Cpu")
                .database("Logs", "Syslog"));

        Changes changes = FederationDiff.entityGroups(plan, List.of());

        assertThat(texts(changes)).containsExactly(
                ".create entity_group Logs_Partitions (cluster('http://127.0.0.1:9001').database('Logs'))",
                ".create entity_group Metrics_Partitions (cluster('http://127.0.0.1:9001').database('Metrics'), "
                        + "cluster('http://127.0.0.1:9002').database('Metrics'))");
        assertThat(changes.inSync()).isZero();
    }

    @Test
    void aPartitionAddedAltersTheGroup() {
        FederationPlan plan = plan(partition(P1).database("Metrics", "Cpu"), partition(P2).database("Metrics", "Cpu"));

        Changes changes = FederationDiff.entityGroups(plan, List.of(group("Metrics_Partitions", entity(P1, "Metrics"))));

        assertThat(texts(changes)).containsExactly(".alter entity_group Metrics_Partitions ("
                + "cluster('http://127.0.0.1:9001').database('Metrics'), cluster('http://127.0.0.1:9002').database('Metrics'))");
    }

    @Test
    void aPartitionRemovedAltersTheGroupToTheOthers() {
        FederationPlan plan = plan(partition(P1).database("Metrics", "Cpu"));

        Changes changes = FederationDiff.entityGroups(plan,
                List.of(group("Metrics_Partitions", entity(P1, "Metrics"), entity(P2, "Metrics"))));

        assertThat(texts(changes)).containsExactly(
                ".alter entity_group Metrics_Partitions (cluster('http://127.0.0.1:9001').database('Metrics'))");
    }

    @Test
    void anEqualGroupIsLeftAloneWhateverOrderQuotesOrCaseKustoReturns() {
        FederationPlan plan = plan(partition("https://P1.example.net").database("Metrics", "Cpu"),
                partition(P2).database("Metrics", "Cpu"));

        Changes changes = FederationDiff.entityGroups(plan, List.of(group("Metrics_Partitions",
                "cluster(\"http://127.0.0.1:9002\").database(\"Metrics\")", "cluster('https://p1.example.net').database('Metrics')")));

        assertThat(changes.commands()).isEmpty();
        assertThat(changes.inSync()).isEqualTo(1);
    }

    @Test
    void aGroupWithAnUnreadableOrDuplicatedMemberIsRewritten() {
        FederationPlan plan = plan(partition(P1).database("Metrics", "Cpu"));
        assertThat(texts(FederationDiff.entityGroups(plan, List.of(group("Metrics_Partitions", "database('Metrics')")))))
                .singleElement().asString().startsWith(".alter entity_group Metrics_Partitions");
        assertThat(texts(FederationDiff.entityGroups(plan,
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
            Changes changes = FederationDiff.entityGroups(plan, inEachHubDatabase);
            assertThat(texts(changes)).as(hubDatabase).containsExactly(".drop entity_group Logs_Partitions");
            assertThat(changes.inSync()).isEqualTo(1);
        }
    }

    @Test
    void staleGroupsStayWhenCleanupIsOff() {
        FederationPlan plan = plan(new FederationSettings("{database}_Partitions", false, false),
                partition(P1).database("Metrics", "Cpu"));

        Changes changes = FederationDiff.entityGroups(plan, List.of(group("Metrics_Partitions", entity(P1, "Metrics")),
                group("Logs_Partitions", entity(P1, "Logs"))));

        assertThat(changes.commands()).isEmpty();
    }

    @Test
    void staleGroupsAreFoundByTheConfiguredPattern() {
        FederationPlan plan = plan(new FederationSettings("Fed_{database}", true, false),
                partition(P1).database("Metrics", "Cpu"));

        Changes changes = FederationDiff.entityGroups(plan, List.of(group("Fed_Metrics", entity(P1, "Metrics")),
                group("Fed_Logs", entity(P1, "Logs")), group("Logs_Partitions", entity(P1, "Logs"))));

        assertThat(texts(changes)).containsExactly(".drop entity_group Fed_Logs");
    }

    @Test
    void zeroHeartbeatsTouchNothing() {
        FederationPlan plan = plan();

        Changes groups = FederationDiff.entityGroups(plan, List.of(group("Metrics_Partitions", entity(P1, "Metrics"))));
        Changes functions = FederationDiff.functions(plan, "Metrics",
                List.of(new ExistingFunction("Cpu", "()", "{ Cpu }")));

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
                new ExistingFunction("Cpu", "()", "  " + cpu.body() + "\n"),
                new ExistingFunction("Disk", "(x:long)", disk.body()),
                new ExistingFunction("Mem", "()", "{ macro-expand entity_group [cluster('http://127.0.0.1:9001').database('Metrics')] as X { X.Mem } }"),
                new ExistingFunction("Unrelated", "()", "{ print 1 }")));

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
                .map(f -> new ExistingFunction(f.name(), "()", f.body())).toList();

        assertThat(FederationDiff.entityGroups(plan, groups).commands()).isEmpty();
        assertThat(FederationDiff.functions(plan, "Metrics", functions).commands()).isEmpty();
    }
}
