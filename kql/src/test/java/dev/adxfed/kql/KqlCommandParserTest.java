package dev.adxfed.kql;

import dev.adxfed.kql.syntax.Command;
import dev.adxfed.kql.syntax.SourcePosition;
import dev.adxfed.kql.syntax.EntityReference;
import dev.adxfed.kql.syntax.Property;
import dev.adxfed.kql.syntax.Statement;
import dev.adxfed.kql.syntax.TabularOperator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class KqlCommandParserTest {

    @SuppressWarnings("unchecked")
    private static <T extends Command> T command(String text) {
        return (T) KqlParser.parseCommand(text);
    }

    @Test
    void parseDecidesBetweenCommandsAndQueries() {
        assertThat(KqlParser.parse("  // comment\n .show tables")).isInstanceOf(Command.ShowTables.class);
        assertThat(KqlParser.parse("T | count")).isInstanceOf(dev.adxfed.kql.syntax.Query.class);
    }

    @Test
    void databaseCommands() {
        Command.CreateDatabase volatileDb = command(".create database Metrics volatile ifnotexists");
        assertThat(volatileDb.name()).isEqualTo("Metrics");
        assertThat(volatileDb.persistence()).isEqualTo("volatile");
        assertThat(volatileDb.ifNotExists()).isTrue();
        Command.CreateDatabase persisted = command(".create database ['my-db'] persist (@\"/a\", @\"/b\")");
        assertThat(persisted.name()).isEqualTo("my-db");
        assertThat(persisted.paths()).containsExactly("/a", "/b");
        Command.DropDatabase drop = command(".drop database Metrics ifexists");
        assertThat(drop.ifExists()).isTrue();
        assertThat((Command) command(".show databases")).isInstanceOf(Command.ShowDatabases.class);
    }

    @Test
    void tableCommands() {
        Command.CreateTable create = command(".create table Heartbeat (Timestamp:datetime, ['Cluster Endpoint']:string) with (folder=\"F\", docstring='D')");
        assertThat(create.columns()).extracting(c -> c.name() + ":" + c.type()).containsExactly("Timestamp:datetime", "Cluster Endpoint:string");
        assertThat(create.properties()).extracting(Property::name, Property::value).containsExactly(tuple("folder", "F"), tuple("docstring", "D"));
        Command.CreateMergeTable merge = command(".create-merge table T (a:long)");
        assertThat(merge.columns()).hasSize(1);
        Command.DropTable drop = command(".drop table T");
        assertThat(drop.ifExists()).isFalse();
        Command.ShowTables some = command(".show tables (T1, ['T 2'])");
        assertThat(some.names()).containsExactly("T1", "T 2");
    }

    @Test
    void showDatabaseSchema() {
        Command.ShowDatabaseSchema plain = command(".show database schema");
        assertThat(plain.database()).isNull();
        assertThat(plain.asJson()).isFalse();
        Command.ShowDatabaseSchema json = command(".show database Metrics schema as json with (Functions=true)");
        assertThat(json.database()).isEqualTo("Metrics");
        assertThat(json.asJson()).isTrue();
        assertThat(json.properties()).extracting(Property::name, Property::value).containsExactly(tuple("Functions", true));
    }

    @Test
    void ingestInlineKeepsTheDataAsWritten() {
        Command.IngestInline ingest = command(".ingest inline into table T with (format=\"csv\") <|\n1,\"a,b\"\n2,\"say \"\"hi\"\"\"");
        assertThat(ingest.table()).isEqualTo("T");
        assertThat(ingest.properties()).extracting(Property::value).containsExactly("csv");
        assertThat(ingest.data()).isEqualTo("\n1,\"a,b\"\n2,\"say \"\"hi\"\"\"");
        Command.IngestInline unterminatedQuoteInData = command(".ingest inline into table T <| 'it's data, not KQL");
        assertThat(unterminatedQuoteInData.data()).isEqualTo(" 'it's data, not KQL");
    }

    @Test
    void functionDefinitionsKeepTheirBodyText() {
        String body = "{ macro-expand entity_group [cluster('http://127.0.0.1:8080').database('Metrics')] as X ( X.Cpu ) }";
        Command.DefineFunction f = command(".create-or-alter function with (folder=\"Federation\", view=true, skipvalidation=\"true\") Cpu() " + body);
        assertThat(f.mode()).isEqualTo(Command.DefinitionMode.CREATE_OR_ALTER);
        assertThat(f.name()).isEqualTo("Cpu");
        assertThat(f.bodyText()).isEqualTo(body);
        assertThat(f.properties()).extracting(Property::name, Property::value)
                .containsExactly(tuple("folder", "Federation"), tuple("view", true), tuple("skipvalidation", "true"));
        assertThat(f.body()).singleElement().isInstanceOf(Statement.Tabular.class);

        Command.DefineFunction withParameters = command(".create function ifnotexists F(x:long, y:string = \"a\") {\n  T | where a > x\n}");
        assertThat(withParameters.mode()).isEqualTo(Command.DefinitionMode.CREATE);
        assertThat(withParameters.ifNotExists()).isTrue();
        assertThat(withParameters.parameters()).extracting(p -> p.name() + ":" + p.type()).containsExactly("x:long", "y:string");
        assertThat(withParameters.bodyText()).isEqualTo("{\n  T | where a > x\n}");

        Command.DefineFunction alter = command(".alter function F() { T }");
        assertThat(alter.mode()).isEqualTo(Command.DefinitionMode.ALTER);
        Command.DropFunction drop = command(".drop function F ifexists");
        assertThat(drop.ifExists()).isTrue();
        assertThat((Command) command(".show functions")).isInstanceOf(Command.ShowFunctions.class);
        Command.ShowFunction show = command(".show function F");
        assertThat(show.name()).isEqualTo("F");
    }

    @Test
    void functionBodiesAreCheckedLikeQueries() {
        assertThatThrownBy(() -> KqlParser.parseCommand(".create function F() { macro-expand G as X { X.T } }"))
                .isInstanceOf(KqlSyntaxException.class).hasMessageContaining("expected '('");
    }

    @Test
    void entityGroupCommands() {
        Command.DefineEntityGroup create = command(
                ".create entity_group Metrics_Partitions ifnotexists (cluster('http://a:1').database('Metrics'), cluster('http://b:2').database('Metrics'))");
        assertThat(create.mode()).isEqualTo(Command.DefinitionMode.CREATE);
        assertThat(create.ifNotExists()).isTrue();
        assertThat(create.entities()).extracting(EntityReference::cluster, EntityReference::database)
                .containsExactly(tuple("http://a:1", "Metrics"), tuple("http://b:2", "Metrics"));
        Command.DefineEntityGroup alter = command(".alter entity_group G (cluster('c').database('d'))");
        assertThat(alter.mode()).isEqualTo(Command.DefinitionMode.ALTER);
        Command.DefineEntityGroup merge = command(".alter-merge entity_group G (cluster('c').database('d'))");
        assertThat(merge.mode()).isEqualTo(Command.DefinitionMode.ALTER_MERGE);
        Command.DropEntityGroup drop = command(".drop entity_group G");
        assertThat(drop.name()).isEqualTo("G");
        assertThat((Command) command(".show entity_groups")).isInstanceOf(Command.ShowEntityGroups.class);
        Command.ShowEntityGroup one = command(".show entity_group G");
        assertThat(one.name()).isEqualTo("G");
        assertThatThrownBy(() -> KqlParser.parseCommand(".create entity_group G ()"))
                .hasMessageContaining("an entity group needs at least one entity");
    }

    @Test
    void scriptsAreSplitIntoCommandsWithTheirComments() {
        Command.ExecuteDatabaseScript script = command(".execute database script with (ContinueOnErrors=true) <|\n"
                + "// the groups\n"
                + ".create entity_group G ifnotexists (cluster('c').database('d'))\n"
                + "\n"
                + ".create-or-alter function F() {\n"
                + "    T\n"
                + "    | where a > 1\n"
                + "}\n"
                + "  .drop table U ifexists\n");
        assertThat(script.properties()).extracting(Property::name, Property::value).containsExactly(tuple("ContinueOnErrors", true));
        assertThat(script.commands()).extracting(Command.ScriptCommand::text).containsExactly(
                "// the groups\n.create entity_group G ifnotexists (cluster('c').database('d'))",
                ".create-or-alter function F() {\n    T\n    | where a > 1\n}",
                ".drop table U ifexists");
        assertThat(script.commands()).extracting(c -> c.position().line()).containsExactly(2, 5, 9);
        for (Command.ScriptCommand c : script.commands()) {
            assertThat(KqlParser.parseCommand(c.text())).isNotNull();
        }
        assertThatThrownBy(() -> KqlParser.parseCommand(".execute database script <|\nT | count"))
                .hasMessageContaining("a script must start with a command");
        assertThatThrownBy(() -> KqlParser.parseCommand(".execute database script <|\n"))
                .hasMessageContaining("the script has no commands");
    }

    @Test
    void commandsPipeIntoQueryOperators() {
        Command.Piped piped = command(".show tables | where TableName == \"Heartbeat\" | count");
        assertThat(piped.command()).isInstanceOf(Command.ShowTables.class);
        assertThat(piped.operators()).hasSize(2);
        assertThat(piped.operators().get(1)).isInstanceOf(TabularOperator.Count.class);
        assertThat((Command) command(".show commands-and-queries")).isInstanceOf(Command.ShowCommandsAndQueries.class);
    }

    @Test
    void commandsTheEmulatorDoesNotRunAreNamedNotRejected() {
        assertThat(KqlParser.parseCommand(".set-or-append T <| print 1")).isEqualTo(
                new Command.Other(new SourcePosition(0, 1, 1), ".set-or-append", ".set-or-append T <| print 1"));
        assertThat(((Command.Other) KqlParser.parseCommand(".show cluster")).name()).isEqualTo(".show cluster");
        assertThat(((Command.Other) KqlParser.parseCommand(".alter table T policy retention @'{}'")).name())
                .isEqualTo(".alter table");
        assertThat(((Command.Other) KqlParser.parseCommand(".list blobs")).name()).isEqualTo(".list");
    }

    @Test
    void aKnownVerbNeedsAKnownEntityKindAndBalancedBrackets() {
        assertThatThrownBy(() -> KqlParser.parseCommand(".show tabels"))
                .hasMessageContaining("expected one of").hasMessageContaining("tables");
        assertThatThrownBy(() -> KqlParser.parseCommand(".alter table T policy caching hot = (30d"))
                .hasMessageContaining("never closed");
    }

    @Test
    void unsupportedCommandsAreNamed() {
        assertThat(((Command.Other) KqlParser.parseCommand(".drop table T ifexist")).name()).isEqualTo(".drop table");
        assertThatThrownBy(() -> KqlParser.parseCommand(".create table T (a:long) with (format=csv)"))
                .hasMessageContaining("expected a literal property value");
        List<String> verbs = List.of(".create", ".show", ".drop");
        for (String verb : verbs) {
            assertThatThrownBy(() -> KqlParser.parseCommand(verb)).isInstanceOf(KqlSyntaxException.class);
        }
    }
}
