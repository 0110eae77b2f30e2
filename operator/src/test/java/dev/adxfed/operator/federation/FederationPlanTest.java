package dev.adxfed.operator.federation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.adxfed.operator.federation.Partitions.partition;
import static dev.adxfed.operator.federation.Partitions.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FederationPlanTest {

    @Test
    void onePartitionGivesOneGroupPerDatabaseAndOneFunctionPerTable() {
        FederationPlan plan = plan(partition("https://p1.kusto.windows.net").database("Metrics", "Cpu", "Mem")
                .database("Logs", "Syslog"));

        assertThat(plan.entityGroups()).containsExactly(
                new EntityGroup("Logs_Partitions", List.of("cluster('https://p1.kusto.windows.net').database('Logs')")),
                new EntityGroup("Metrics_Partitions", List.of("cluster('https://p1.kusto.windows.net').database('Metrics')")));
        assertThat(plan.functions("Metrics")).extracting(FederatedFunction::name).containsExactly("Cpu", "Mem");
        assertThat(plan.functions("Logs")).extracting(FederatedFunction::name).containsExactly("Syslog");
    }

    @Test
    void functionListsOnlyThePartitionsThatHaveItsTableSorted() {
        FederationPlan plan = plan(
                partition("https://p3.kusto.windows.net").database("Metrics", "Cpu", "Disk"),
                partition("https://p1.kusto.windows.net").database("Metrics", "Cpu"),
                partition("https://p2.kusto.windows.net").database("Metrics", "Mem"));

        assertThat(plan.entityGroups().get(0).entities()).containsExactly(
                "cluster('https://p1.kusto.windows.net').database('Metrics')",
                "cluster('https://p2.kusto.windows.net').database('Metrics')",
                "cluster('https://p3.kusto.windows.net').database('Metrics')");
        assertThat(plan.functions("Metrics").get(0).createOrAlterCommand("adxfed").text()).isEqualTo(
                ".create-or-alter function with (folder='adxfed', skipvalidation=\"true\") Cpu() { macro-expand isfuzzy=true best_effort=true entity_group ["
                        + "cluster('https://p1.kusto.windows.net').database('Metrics'), "
                        + "cluster('https://p3.kusto.windows.net').database('Metrics')] as X ( X.Cpu ) }");
        assertThat(plan.functions("Metrics").get(1).entities())
                .containsExactly("cluster('https://p3.kusto.windows.net').database('Metrics')");
    }

    @Test
    void aViewGetsAFunctionLikeATableAndATableAndViewOfOneNameGetOne() {
        FederationPlan plan = plan(
                partition("http://127.0.0.1:9001").databaseWithViews("Metrics", Set.of("Cpu"), Set.of("CpuByHost")),
                partition("http://127.0.0.1:9002").databaseWithViews("Metrics", Set.of("CpuByHost"), Set.of()));

        assertThat(plan.functions("Metrics")).extracting(FederatedFunction::name).containsExactly("Cpu", "CpuByHost");
        assertThat(plan.functions("Metrics").get(1).entities()).hasSize(2);
    }

    @Test
    void byDefaultFunctionsSkipUnreachablePartitionsAndTheStrictSettingKeepsThePlainText() {
        Partitions p1 = partition("http://127.0.0.1:9001").database("Metrics", "Cpu");
        String members = "[cluster('http://127.0.0.1:9001').database('Metrics')]";

        assertThat(plan(FederationSettings.defaults(), p1).functions("Metrics").get(0).body()).isEqualTo(
                "{ macro-expand isfuzzy=true best_effort=true entity_group " + members + " as X ( X.Cpu ) }");
        assertThat(plan(new FederationSettings("{database}_Partitions", true, false), p1).functions("Metrics").get(0).body())
                .isEqualTo("{ macro-expand entity_group " + members + " as X ( X.Cpu ) }");
        assertThat(plan(new FederationSettings("{database}_Partitions", true, false).withFunctionsOverEntityGroups(true), p1)
                .functions("Metrics").get(0).body())
                .as("a group's members may lack the table: isfuzzy stays, an unreachable one fails the query")
                .isEqualTo("{ macro-expand isfuzzy=true Metrics_Partitions as X ( X.Cpu ) }");
    }

    @Test
    void groupNameFollowsTheConfiguredPattern() {
        FederationPlan plan = plan(new FederationSettings("Fed_{database}", true, false),
                partition("http://127.0.0.1:9001").database("Metrics", "Cpu"));
        assertThat(plan.entityGroups()).extracting(EntityGroup::name).containsExactly("Fed_Metrics");
    }

    @Test
    void patternWithoutExactlyOneDatabasePlaceholderIsRefused() {
        assertThatThrownBy(() -> new FederationSettings("Partitions", true, false))
                .hasMessageContaining("'Partitions' must hold {database} exactly once");
        assertThatThrownBy(() -> new FederationSettings("{database}_{database}", true, false))
                .hasMessageContaining("exactly once");
    }

    @Test
    void namesNeedingQuotesAreQuotedEverywhere() {
        FederationPlan plan = plan(partition("https://p1.kusto.windows.net").database("my-db.v2", "cpu-load", "views"));

        assertThat(plan.entityGroups().get(0).createCommand().text()).isEqualTo(
                ".create entity_group ['my-db.v2_Partitions'] (cluster('https://p1.kusto.windows.net').database('my-db.v2'))");
        assertThat(plan.functions("my-db.v2")).extracting(f -> f.createOrAlterCommand("adxfed").text()).containsExactly(
                ".create-or-alter function with (folder='adxfed', skipvalidation=\"true\") ['cpu-load']() { macro-expand isfuzzy=true best_effort=true entity_group "
                        + "[cluster('https://p1.kusto.windows.net').database('my-db.v2')] as X ( X.['cpu-load'] ) }",
                ".create-or-alter function with (folder='adxfed', skipvalidation=\"true\") ['views']() { macro-expand isfuzzy=true best_effort=true entity_group "
                        + "[cluster('https://p1.kusto.windows.net').database('my-db.v2')] as X ( X.['views'] ) }");
    }

    @Test
    void anEndpointTryingToCloseTheLiteralStaysInsideIt() {
        FederationPlan plan = plan(partition("https://p1.kusto.windows.net/a')) ; .drop table T //")
                .database("Metrics", "Cpu"));
        assertThat(plan.entityGroups().get(0).entities()).containsExactly(
                "cluster('https://p1.kusto.windows.net/a\\')) ; .drop table T //').database('Metrics')");
    }

    @Test
    void theSamePartitionsInAnotherOrderGiveTheSamePlan() {
        Partitions a = partition("http://127.0.0.1:9001").database("Metrics", "Cpu", "Mem").database("Logs", "Syslog");
        Partitions b = partition("http://127.0.0.1:9002").database("Logs", "Audit", "Syslog");
        FederationPlan one = plan(a, b);
        FederationPlan other = plan(b, a);

        assertThat(other.entityGroups()).isEqualTo(one.entityGroups());
        for (String database : List.of("Logs", "Metrics")) {
            assertThat(other.functions(database)).extracting(FederatedFunction::body)
                    .containsExactlyElementsOf(one.functions(database).stream().map(FederatedFunction::body).toList());
        }
        assertThat(one.functions("Logs")).extracting(FederatedFunction::name).containsExactly("Audit", "Syslog");
    }

    @Test
    void noPartitionPlansNothing() {
        FederationPlan plan = plan();
        assertThat(plan.topology().isEmpty()).isTrue();
        assertThat(plan.entityGroups()).isEmpty();
        assertThat(plan.functions("Metrics")).isEmpty();
    }
}
