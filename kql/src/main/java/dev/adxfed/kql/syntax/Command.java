package dev.adxfed.kql.syntax;

import java.util.List;

/**
 * A management command (a text starting with {@code .}). The emulator dispatches on the nested records
 * with {@code instanceof}. Names are as written, without brackets or quotes; {@code with (...)} clauses
 * are lists of {@link Property}.
 */
public sealed interface Command extends Script {

    SourcePosition position();

    /** {@code .create database D volatile | persist (@"path", ...) [ifnotexists]}; {@code persistence} is "volatile", "persist" or null. */
    record CreateDatabase(SourcePosition position, String name, String persistence, List<String> paths,
                          boolean ifNotExists) implements Command {}

    /** {@code .drop database D [ifexists]}. */
    record DropDatabase(SourcePosition position, String name, boolean ifExists) implements Command {}

    /** {@code .show databases}. */
    record ShowDatabases(SourcePosition position) implements Command {}

    /** {@code .create table T (a:long, ...) [with (folder=..., docstring=...)]}. */
    record CreateTable(SourcePosition position, String name, List<ColumnDeclaration> columns,
                       List<Property> properties) implements Command {}

    /** {@code .create-merge table T (a:long, ...) [with (...)]}: adds missing columns to an existing table. */
    record CreateMergeTable(SourcePosition position, String name, List<ColumnDeclaration> columns,
                            List<Property> properties) implements Command {}

    /** {@code .drop table T [ifexists]}. */
    record DropTable(SourcePosition position, String name, boolean ifExists) implements Command {}

    /** {@code .show tables} or {@code .show tables (T1, T2)}. */
    /** {@code .show tables [(T, ...)] [details]}: with details, the row counts and extent statistics too. */
    record ShowTables(SourcePosition position, List<String> names, boolean details) implements Command {}

    /** {@code .show database [D] schema [as json] [with (Functions=true, ...)]}; {@code database} null for the current one. */
    record ShowDatabaseSchema(SourcePosition position, String database, boolean asJson,
                              List<Property> properties) implements Command {}

    /** {@code .ingest inline into table T [with (format=csv, ...)] <| data}; {@code data} is the raw text after {@code <|}. */
    record IngestInline(SourcePosition position, String table, List<Property> properties, String data) implements Command {}

    /**
     * {@code .alter column [D.]T.C policy encoding type = 'X'}: the column's encoding profile (BigObject, BigObject32,
     * ...); {@code database} null for the current one.
     */
    record AlterColumnEncoding(SourcePosition position, String database, String table, String column,
                               String type) implements Command {}

    /** {@code .show table [D.]T policy encoding} or {@code .show column [D.]T.C policy encoding} ({@code column} null). */
    record ShowEncodingPolicy(SourcePosition position, String database, String table, String column) implements Command {}

    enum DefinitionMode {
        CREATE(".create"), CREATE_OR_ALTER(".create-or-alter"), ALTER(".alter"), ALTER_MERGE(".alter-merge");

        private final String text;

        DefinitionMode(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * {@code .create | .create-or-alter | .alter function [ifnotexists] [with (...)] F(params) { body }}.
     * {@code bodyText} is the body exactly as written, braces included (what {@code .show functions} returns);
     * {@code body} is its parsed statements.
     */
    record DefineFunction(SourcePosition position, DefinitionMode mode, boolean ifNotExists, List<Property> properties,
                          String name, List<FunctionParameter> parameters, String bodyText,
                          List<Statement> body) implements Command {}

    /** {@code .drop function F [ifexists]}. */
    record DropFunction(SourcePosition position, String name, boolean ifExists) implements Command {}

    /** {@code .show functions}. */
    record ShowFunctions(SourcePosition position) implements Command {}

    /** {@code .show function F}. */
    record ShowFunction(SourcePosition position, String name) implements Command {}

    /** {@code .create | .create-or-alter | .alter | .alter-merge entity_group G [ifnotexists] (entities)}. */
    record DefineEntityGroup(SourcePosition position, DefinitionMode mode, String name, boolean ifNotExists,
                             List<EntityReference> entities) implements Command {}

    /** {@code .drop entity_group G [ifexists]}. */
    record DropEntityGroup(SourcePosition position, String name, boolean ifExists) implements Command {}

    /** {@code .show entity_groups}. */
    record ShowEntityGroups(SourcePosition position) implements Command {}

    /** {@code .show entity_group G}. */
    record ShowEntityGroup(SourcePosition position, String name) implements Command {}

    /**
     * {@code .execute database script [with (ContinueOnErrors=true, ...)] <| commands}. The commands are
     * split but not parsed, so that one bad command fails alone: parse each with {@code KqlParser.parseCommand}.
     */
    record ExecuteDatabaseScript(SourcePosition position, List<Property> properties,
                                 List<ScriptCommand> commands) implements Command {}

    /** One command of a script: its text (with the {@code //} comment lines before it) and where it starts. */
    record ScriptCommand(SourcePosition position, String text) {}

    /** {@code .show commands-and-queries}. */
    record ShowCommandsAndQueries(SourcePosition position) implements Command {}

    /**
     * A command the emulator does not run, as Microsoft's parser accepts it: {@code name} is the verb and,
     * when Kusto knows the verb, the entity kind after it (e.g. {@code .alter table}, {@code .list}); {@code text}
     * is the whole command.
     */
    record Other(SourcePosition position, String name, String text) implements Command {}

    /** {@code .show tables | where ... | count}: a command whose result rows go through query operators. */
    record Piped(SourcePosition position, Command command, List<TabularOperator> operators) implements Command {}
}
