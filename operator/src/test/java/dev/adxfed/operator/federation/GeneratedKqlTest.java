package dev.adxfed.operator.federation;

import dev.adxfed.kql.oracle.MicrosoftKqlParser;
import dev.adxfed.operator.heartbeat.DatabaseSchemaJson;
import dev.adxfed.operator.heartbeat.HeartbeatTable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.adxfed.operator.federation.Partitions.partition;
import static dev.adxfed.operator.federation.Partitions.plan;
import static org.assertj.core.api.Assertions.assertThat;

/** Every text the federation sends, for names that need quoting, parses in Microsoft's KQL parser. */
class GeneratedKqlTest {

    static final List<String> AWKWARD_DATABASES = List.of("Metrics", "my-db", "db.v2", "Logs 2", "views", "database");
    static final Set<String> AWKWARD_TABLES = Set.of("Cpu", "cpu-load", "disk.io", "views", "where", "let", "table",
            "macro-expand", "X", "Memory Used", "_private", "1stTable");

    @Test
    void everyCommandAndQueryOfARealisticPlanParses() {
        List<Partitions> partitions = new ArrayList<>();
        for (String endpoint : List.of("https://p1.westeurope.kusto.windows.net", "http://127.0.0.1:9001",
                "https://p2.kusto.windows.net/o'brien", "https://p3.kusto.windows.net:443/path")) {
            Partitions p = partition(endpoint);
            AWKWARD_DATABASES.forEach(db -> p.databaseWithViews(db, AWKWARD_TABLES, Set.of("CpuByHost", "view-1")));
            partitions.add(p);
        }
        List<String> texts = new ArrayList<>();
        for (boolean fuzzy : List.of(false, true)) {
            FederationPlan plan = plan(new FederationSettings("{database}_Partitions", true, fuzzy),
                    partitions.toArray(new Partitions[0]));
            List<Command> commands = new ArrayList<>(FederationDiff.entityGroups(plan, List.of(
                    new ExistingEntityGroup("Gone-db_Partitions", List.of("cluster('http://x').database('Gone-db')")),
                    new ExistingEntityGroup("Metrics_Partitions", List.of("cluster('http://x').database('Metrics')"))))
                    .commands());
            for (String db : AWKWARD_DATABASES) {
                commands.add(HubDatabase.createCommand(db));
                texts.add(DatabaseSchemaJson.showCommand(db));
            }
            // Every table name in two awkward databases: Microsoft's parser takes up to 0.5 s a command.
            for (String db : List.of("my-db", "views")) {
                commands.addAll(FederationDiff.functions(plan, db, List.of()).commands());
            }
            assertThat(commands).extracting(Command::kind).contains(Command.Kind.values());
            commands.forEach(c -> texts.add(c.text()));
            List<DatabaseScript> scripts = DatabaseScript.batches("Metrics", commands.subList(commands.size() - 6, commands.size()), 1024);
            assertThat(scripts).as("scripts split at the size limit").hasSizeGreaterThan(1);
            scripts.forEach(s -> texts.add(s.text()));
        }
        HeartbeatTable heartbeats = new HeartbeatTable("Federation-Heartbeats", "views");
        texts.addAll(List.of(heartbeats.latestQuery(Duration.ofMinutes(90)), heartbeats.createCommand(),
                ExistingEntityGroup.SHOW_COMMAND, ExistingFunction.SHOW_COMMAND, DatabaseSchemaJson.SHOW_DATABASES_COMMAND,
                "macro-expand Metrics_Partitions as X ( X.Cpu | count )"));

        List<MicrosoftKqlParser.Verdict> verdicts = MicrosoftKqlParser.check(texts);

        List<String> rejected = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!verdicts.get(i).valid()) {
                rejected.add(texts.get(i) + "\n  -> " + verdicts.get(i).describe());
            }
        }
        assertThat(rejected).as("texts Microsoft's parser rejects").isEmpty();
    }

    @Test
    void theSeedsBracesAreWhatTheOracleRejects() {
        assertThat(MicrosoftKqlParser.check(
                "macro-expand entity_group [cluster('a').database('b')] as X { X.T }").valid()).isFalse();
    }
}
