package dev.adxfed.operator.federation;

import dev.adxfed.kql.oracle.MicrosoftKqlParser;
import dev.adxfed.operator.heartbeat.DatabaseSchemaJson;
import dev.adxfed.operator.heartbeat.Heartbeat;
import dev.adxfed.operator.heartbeat.HeartbeatRows;
import dev.adxfed.operator.heartbeat.HeartbeatTable;
import dev.adxfed.operator.heartbeat.SchemaLimit;
import dev.adxfed.operator.heartbeat.Column;
import dev.adxfed.operator.heartbeat.DatabaseSchema;
import dev.adxfed.operator.heartbeat.PartitionSchema;
import dev.adxfed.operator.heartbeat.TableSchema;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.adxfed.operator.federation.Partitions.partition;
import static dev.adxfed.operator.federation.Partitions.plan;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of text the operator sends, for names that need quoting, parses in Microsoft's KQL
 * parser. One batched call: the parser under node costs seconds to start and ~0.1 s per command.
 */
class GeneratedKqlTest {

    static final List<String> AWKWARD_DATABASES = List.of("Metrics", "my-db.v2", "Logs 2", "views");
    static final Set<String> AWKWARD_TABLES = Set.of("Cpu", "cpu-load", "disk.io", "where", "macro-expand", "X",
            "Memory Used", "1stTable");

    @Test
    void everyCommandAndQueryOfARealisticPlanParsesAndTheSeedsBracesDoNot() {
        List<Partitions> partitions = new ArrayList<>();
        for (String endpoint : List.of("https://p1.westeurope.kusto.windows.net", "http://127.0.0.1:9001",
                "https://p2.kusto.windows.net/o'brien")) {
            Partitions p = partition(endpoint);
            AWKWARD_DATABASES.forEach(db -> p.databaseWithViews(db, AWKWARD_TABLES, Set.of("CpuByHost", "view-1")));
            partitions.add(p);
        }
        FederationPlan plan = plan(partitions.toArray(new Partitions[0]));
        FederationSettings strict = new FederationSettings("{database}_Partitions", true, false);
        FederationPlan strictInline = plan(strict, partitions.toArray(new Partitions[0]));
        List<Command> commands = new ArrayList<>(FederationDiff.entityGroups(plan, "Metrics", List.of(
                new ExistingEntityGroup("Gone-db_Partitions", List.of("cluster('http://x').database('Gone-db')")),
                new ExistingEntityGroup("Metrics_Partitions", List.of("cluster('http://x').database('Metrics')"))),
                Set.of("Gone-db_Partitions", "Metrics_Partitions"))
                .commands());
        List<String> texts = new ArrayList<>();
        for (String db : AWKWARD_DATABASES) {
            commands.add(HubDatabase.createCommand(db));
            texts.add(DatabaseSchemaJson.showCommand(db));
        }
        // Every table name in two awkward databases: Microsoft's parser takes up to 0.5 s a command.
        for (String db : List.of("my-db", "views")) {
            commands.addAll(FederationDiff.functions(plan, db, List.of()).commands());
        }
        commands.addAll(FederationDiff.functions(plan, "Gone-db", List.of(new ExistingFunction("it's", "()", "{ print 1 }",
                "adxfed"))).commands());
        commands.add(OwnershipRecord.recordCommand(List.of(new OwnershipRecord.Entry("my-db", "it's, \"quoted\"_Partitions"),
                new OwnershipRecord.Entry("Metrics", "Metrics_Partitions")), OwnershipRecord.CREATED, Instant.parse("2026-11-25T10:00:00Z")));
        commands.add(strictInline.functions("my-db.v2").get(0).createOrAlterCommand("adxfed"));
        commands.add(plan(strict.withFunctionsOverEntityGroups(true), partitions.toArray(new Partitions[0]))
                .functions("my-db.v2").get(0).createOrAlterCommand("adxfed"));
        assertThat(commands).extracting(Command::kind).contains(Command.Kind.DATABASE_CREATE,
                Command.Kind.ENTITY_GROUP_CREATE, Command.Kind.ENTITY_GROUP_ALTER, Command.Kind.ENTITY_GROUP_DROP,
                Command.Kind.FUNCTION_CREATE_OR_ALTER, Command.Kind.FUNCTION_DROP, Command.Kind.OWNERSHIP_RECORD);
        commands.forEach(c -> texts.add(c.text()));
        texts.add(new DatabaseScript("Metrics", List.of(commands.get(0), commands.get(1), commands.get(2),
                commands.get(commands.size() - 1))).text());
        HeartbeatTable heartbeats = new HeartbeatTable("Federation-Heartbeats", "views");
        Heartbeat heartbeat = new Heartbeat(Instant.parse("2026-11-25T10:00:00Z"), "https://p1.kusto.windows.net",
                new PartitionSchema(List.of(new DatabaseSchema("my-db", List.of(new TableSchema("it's",
                        List.of(new Column("a,b", "string")))), List.of()))), Map.of("geo", "EU, \"west\"", "tenant", "a\nb"));
        FederationPlan overGroups = plan(FederationSettings.defaults().withFunctionsOverEntityGroups(true),
                partitions.toArray(new Partitions[0]));
        overGroups.functions("my-db.v2").forEach(f -> texts.add(f.createOrAlterCommand("adxfed").text()));
        texts.addAll(List.of(heartbeats.sizeQuery(Duration.ofMinutes(90)), heartbeats.pageQuery(Duration.ofMinutes(90), 1, 0),
                heartbeats.pageQuery(Duration.ofMinutes(90), 7, 3), ExistingFunction.showCommand("adxfed's folder")));
        texts.addAll(List.of(heartbeats.latestQuery(Duration.ofMinutes(90)), heartbeats.createCommand(),
                heartbeats.showTablesCommand(), heartbeat.ingestCommand("Heartbeat"), heartbeat.ingestCommand("heart.beat"),
                ExistingEntityGroup.SHOW_COMMAND, ExistingFunction.SHOW_COMMAND, DatabaseSchemaJson.SHOW_DATABASES_COMMAND,
                "macro-expand Metrics_Partitions as X ( X.Cpu | count )", OwnershipRecord.createCommand(),
                OwnershipRecord.readQuery(), new FederationSettings.BlockedFunction("Ops", "blocked-list").callQuery()));
        texts.addAll(List.of(heartbeats.schemaEncodingCommand(), SchemaLimit.showCommand("views"),
                SchemaLimit.showCommand("heart.beat")));
        Heartbeat twoDatabases = new Heartbeat(Instant.parse("2026-11-25T10:00:00Z"), "https://p1.kusto.windows.net",
                new PartitionSchema(List.of(new DatabaseSchema("my-db", List.of(new TableSchema("it's", List.of())), List.of()),
                        new DatabaseSchema("views", List.of(new TableSchema("where", List.of())), List.of()))), Map.of("geo", "EU"));
        HeartbeatRows split = HeartbeatRows.of(twoDatabases, new SchemaLimit(80, "a tiny column"), "an-id");
        assertThat(split.rows()).hasSize(2);
        texts.addAll(split.ingestCommands("heart.beat"));
        String seedsBraces = "macro-expand entity_group [cluster('a').database('b')] as X { X.T }";
        texts.add(seedsBraces);

        List<MicrosoftKqlParser.Verdict> verdicts = MicrosoftKqlParser.check(texts);

        Map<String, String> rejected = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!verdicts.get(i).valid()) {
                rejected.put(texts.get(i), verdicts.get(i).describe());
            }
        }
        assertThat(rejected).as("texts Microsoft's parser rejects").containsOnlyKeys(seedsBraces);
    }
}
