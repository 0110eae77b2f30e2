package dev.adxfed.kql;

import dev.adxfed.kql.syntax.ColumnDeclaration;
import dev.adxfed.kql.syntax.Command;
import dev.adxfed.kql.syntax.EntityReference;
import dev.adxfed.kql.syntax.FunctionParameter;
import dev.adxfed.kql.syntax.Property;
import dev.adxfed.kql.syntax.SourcePosition;
import dev.adxfed.kql.syntax.Statement;
import dev.adxfed.kql.syntax.TabularOperator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses the management commands the emulator implements; any other command is an error naming it. */
final class CommandParser {

    private final TokenCursor t;
    private final QueryParser queries;

    private static final String TRAILING_TEXT = "unexpected text after the .";

    CommandParser(TokenCursor cursor) {
        this.t = cursor;
        this.queries = new QueryParser(cursor);
    }

    Command command() {
        Token dot = t.expect(".");
        SourcePosition position = t.position(dot);
        Token verb = t.peek();
        if (verb.kind() != Token.Kind.WORD || verb.spaceBefore()) {
            throw t.error(verb, "expected a command name right after '.'");
        }
        t.advance();
        if (!implemented(verb)) {
            return new OtherCommandParser(t).other(position, verb);
        }
        int afterVerb = t.mark();
        try {
            return implementedCommand(position, verb);
        } catch (KqlSyntaxException e) {
            Token failed = tokenAt(e.offset());
            if (failed == null || failed.kind() != Token.Kind.WORD || !e.detail().startsWith(TRAILING_TEXT)) {
                throw e;
            }
            // A word where ours ends (.show tables details, .drop table T columns (...)): another command of
            // the same family, which Microsoft's parser knows and the emulator does not run.
            t.reset(afterVerb);
            return new OtherCommandParser(t).other(position, verb);
        }
    }

    private Token tokenAt(int offset) {
        int mark = t.mark();
        try {
            t.reset(0);
            while (!t.atEnd() && t.peek().start() < offset) {
                t.advance();
            }
            return t.peek().start() == offset ? t.peek() : null;
        } finally {
            t.reset(mark);
        }
    }

    private Command implementedCommand(SourcePosition position, Token verb) {
        Command command = switch (verb.text()) {
            case "create" -> create(position);
            case "create-or-alter" -> define(position, Command.DefinitionMode.CREATE_OR_ALTER);
            case "create-merge" -> createMergeTable(position);
            case "alter" -> t.check("column") ? alterColumnEncoding(position)
                    : define(position, Command.DefinitionMode.ALTER);
            case "alter-merge" -> define(position, Command.DefinitionMode.ALTER_MERGE);
            case "drop" -> drop(position);
            case "show" -> show(position);
            case "ingest" -> ingest(position);
            case "execute" -> execute(position);
            default -> throw unsupported(verb);
        };
        if (t.check("|") && !(command instanceof Command.IngestInline) && !(command instanceof Command.ExecuteDatabaseScript)) {
            List<TabularOperator> operators = new ArrayList<>();
            while (t.check("|")) {
                operators.add(queries.pipeOperator());
            }
            command = new Command.Piped(position, command, operators);
        }
        t.match(";");
        if (!t.atEnd()) {
            throw t.error(t.peek(), TRAILING_TEXT + verb.text() + " command");
        }
        return command;
    }

    /**
     * Whether the command is one the emulator runs, read strictly below; judged from its first words
     * (just after the verb), so that a malformed command of ours is still a syntax error.
     */
    private boolean implemented(Token verb) {
        Token target = t.peek();
        String what = target.kind() == Token.Kind.WORD ? target.text() : "";
        if (what.equals("table") && t.peek(1).isName() && (t.peek(2).is("based-on") || t.peek(2).is("ingestion"))
                && verb.text().startsWith("create")) {
            return false;
        }
        if (what.equals("function") && t.peek(1).isName() && (t.peek(2).is("docstring") || t.peek(2).is("folder"))) {
            return false;
        }
        if (what.equals("databases") && !(t.peek(1).kind() == Token.Kind.END || t.peek(1).is("|") || t.peek(1).is(";"))) {
            return false;
        }
        if (encodingPolicyCommand(verb, what)) {
            return true;
        }
        return switch (verb.text()) {
            case "create" -> Set.of("database", "table", "function", "entity_group").contains(what)
                    || (what.equals("ifnotexists") && t.peek(1).is("function"));
            case "create-or-alter", "alter" -> Set.of("function", "entity_group").contains(what);
            case "alter-merge" -> what.equals("entity_group");
            case "create-merge" -> what.equals("table");
            case "drop" -> Set.of("database", "table", "function", "entity_group").contains(what);
            case "show" -> Set.of("databases", "tables", "functions", "function", "entity_groups", "entity_group",
                    "commands-and-queries").contains(what) || (what.equals("database") && showsSchema());
            case "ingest" -> what.equals("inline");
            case "execute" -> what.equals("script") || (what.equals("database") && t.peek(1).is("script"));
            default -> false;
        };
    }

    /**
     * {@code .alter column [D.]T.C policy encoding type = 'X'} and {@code .show table T policy encoding} or
     * {@code .show column [D.]T.C policy encoding}: found by the words after the dotted name.
     */
    private boolean encodingPolicyCommand(Token verb, String what) {
        boolean alter = verb.is("alter") && what.equals("column");
        boolean show = verb.is("show") && (what.equals("table") || what.equals("column"));
        if (!alter && !show) {
            return false;
        }
        int at = 1;
        while (t.peek(at).isName() && t.peek(at + 1).is(".")) {
            at += 2;
        }
        if (!t.peek(at).isName() || !t.peek(at + 1).is("policy") || !t.peek(at + 2).is("encoding")) {
            return false;
        }
        return show || t.peek(at + 3).is("type");
    }

    /** {@code .show database [D] schema ...}, not the other {@code .show database} commands. */
    private boolean showsSchema() {
        int schema = t.peek(1).is("schema") ? 1 : t.peek(1).isName() && t.peek(2).is("schema") ? 2 : -1;
        return schema > 0 && !(t.peek(schema + 1).is("as") && (t.peek(schema + 2).is("csl") || t.peek(schema + 2).is("kql")))
                && !(t.peek(schema + 1).kind() == Token.Kind.WORD && !t.peek(schema + 1).is("as") && !t.peek(schema + 1).is("with"));
    }

    private KqlSyntaxException unsupported(Token at) {
        return t.error(at, "the management command '." + at.text() + "' is not supported");
    }

    private Command create(SourcePosition position) {
        Token what = t.peek();
        if (what.is("database")) {
            t.advance();
            return createDatabase(position);
        }
        if (what.is("table")) {
            t.advance();
            String name = t.expectName("a table name");
            List<ColumnDeclaration> columns = columns();
            return new Command.CreateTable(position, name, columns, withProperties());
        }
        return define(position, Command.DefinitionMode.CREATE);
    }

    private Command createDatabase(SourcePosition position) {
        String name = t.expectName("a database name");
        String persistence = null;
        List<String> paths = new ArrayList<>();
        if (t.match("volatile")) {
            persistence = "volatile";
        } else if (t.match("persist")) {
            persistence = "persist";
            t.expect("(");
            do {
                paths.add(t.expectString("a storage path"));
            } while (t.match(","));
            t.expect(")");
        }
        boolean ifNotExists = t.match("ifnotexists");
        return new Command.CreateDatabase(position, name, persistence, paths, ifNotExists);
    }

    private Command createMergeTable(SourcePosition position) {
        if (!t.match("table")) {
            throw t.error(t.peek(), "expected 'table' after .create-merge");
        }
        String name = t.expectName("a table name");
        List<ColumnDeclaration> columns = columns();
        return new Command.CreateMergeTable(position, name, columns, withProperties());
    }

    private List<ColumnDeclaration> columns() {
        t.expect("(");
        List<ColumnDeclaration> columns = new ArrayList<>();
        do {
            columns.add(queries.columnDeclaration());
        } while (t.match(","));
        t.expect(")");
        return columns;
    }

    private List<Property> withProperties() {
        List<Property> properties = new ArrayList<>();
        if (t.match("with")) {
            t.expect("(");
            if (!t.check(")")) {
                do {
                    properties.add(queries.commandProperty());
                } while (t.match(","));
            }
            t.expect(")");
        }
        return properties;
    }

    private Command define(SourcePosition position, Command.DefinitionMode mode) {
        Token what = t.peek();
        if (what.is("function")) {
            t.advance();
            return defineFunction(position, mode);
        }
        if (what.is("entity_group")) {
            t.advance();
            String name = t.expectName("an entity group name");
            boolean ifNotExists = mode == Command.DefinitionMode.CREATE && t.match("ifnotexists");
            t.expect("(");
            List<EntityReference> entities = queries.entityReferences(")");
            t.expect(")");
            return new Command.DefineEntityGroup(position, mode, name, ifNotExists, entities);
        }
        throw t.error(what, "the management command '" + mode.text() + " " + what.text() + "' is not supported");
    }

    private Command defineFunction(SourcePosition position, Command.DefinitionMode mode) {
        boolean ifNotExists = mode == Command.DefinitionMode.CREATE && t.match("ifnotexists");
        List<Property> properties = withProperties();
        String name = t.expectName("a function name");
        List<FunctionParameter> parameters = queries.parameters();
        Token open = t.peek();
        List<Statement> body = queries.functionBody(parameters);
        String bodyText = t.source().text().substring(open.start(), t.previous().end());
        return new Command.DefineFunction(position, mode, ifNotExists, properties, name, parameters, bodyText, body);
    }

    private Command drop(SourcePosition position) {
        Token what = t.advance();
        String kind = what.text();
        if (!(kind.equals("database") || kind.equals("table") || kind.equals("function") || kind.equals("entity_group"))) {
            throw t.error(what, "the management command '.drop " + kind + "' is not supported");
        }
        String name = t.expectName("a " + kind.replace('_', ' ') + " name");
        boolean ifExists = t.match("ifexists");
        return switch (kind) {
            case "database" -> new Command.DropDatabase(position, name, ifExists);
            case "table" -> new Command.DropTable(position, name, ifExists);
            case "function" -> new Command.DropFunction(position, name, ifExists);
            default -> new Command.DropEntityGroup(position, name, ifExists);
        };
    }

    /** {@code .alter column [D.]T.C policy encoding type = 'X'}: {@code implemented} checked the words. */
    private Command alterColumnEncoding(SourcePosition position) {
        t.expect("column");
        List<String> names = dottedName("a column name as Table.Column");
        if (names.size() < 2 || names.size() > 3) {
            throw t.error(t.previous(), "expected Table.Column or Database.Table.Column");
        }
        t.expect("policy");
        t.expect("encoding");
        t.expect("type");
        t.expect("=");
        String type = t.expectString("an encoding policy type");
        int n = names.size();
        return new Command.AlterColumnEncoding(position, n == 3 ? names.get(0) : null, names.get(n - 2),
                names.get(n - 1), type);
    }

    /** {@code .show table T policy encoding} or {@code .show column [D.]T.C policy encoding}. */
    private Command showEncoding(SourcePosition position, boolean column) {
        List<String> names = dottedName(column ? "a column name as Table.Column" : "a table name");
        int n = names.size();
        if (column ? n < 2 || n > 3 : n > 2) {
            throw t.error(t.previous(), column ? "expected Table.Column or Database.Table.Column"
                    : "expected Table or Database.Table");
        }
        t.expect("policy");
        t.expect("encoding");
        int table = column ? n - 2 : n - 1;
        return new Command.ShowEncodingPolicy(position, table > 0 ? names.get(0) : null, names.get(table),
                column ? names.get(n - 1) : null);
    }

    private List<String> dottedName(String what) {
        List<String> names = new ArrayList<>();
        names.add(t.expectName(what));
        while (t.match(".")) {
            names.add(t.expectName(what));
        }
        return names;
    }

    private Command show(SourcePosition position) {
        Token what = t.advance();
        switch (what.text()) {
            case "table":
                return showEncoding(position, false);
            case "column":
                return showEncoding(position, true);
            case "databases":
                return new Command.ShowDatabases(position);
            case "tables":
                List<String> names = new ArrayList<>();
                if (t.match("(")) {
                    do {
                        names.add(t.expectName("a table name"));
                    } while (t.match(","));
                    t.expect(")");
                }
                return new Command.ShowTables(position, names, t.match("details"));
            case "database":
                return showDatabaseSchema(position);
            case "functions":
                return new Command.ShowFunctions(position);
            case "function":
                return new Command.ShowFunction(position, t.expectName("a function name"));
            case "entity_groups":
                return new Command.ShowEntityGroups(position);
            case "entity_group":
                return new Command.ShowEntityGroup(position, t.expectName("an entity group name"));
            case "commands-and-queries":
                return new Command.ShowCommandsAndQueries(position);
            default:
                throw t.error(what, "the management command '.show " + what.text() + "' is not supported");
        }
    }

    private Command showDatabaseSchema(SourcePosition position) {
        String database = null;
        if (!t.check("schema")) {
            database = t.expectName("a database name");
        }
        if (!t.match("schema")) {
            throw t.error(t.peek(), "expected 'schema': only '.show database [D] schema' is supported");
        }
        boolean asJson = false;
        if (t.match("as")) {
            if (!t.match("json")) {
                throw t.error(t.peek(), "expected 'json' after 'schema as'");
            }
            asJson = true;
        }
        return new Command.ShowDatabaseSchema(position, database, asJson, withProperties());
    }

    private Command ingest(SourcePosition position) {
        if (!t.match("inline")) {
            throw t.error(t.peek(), "only '.ingest inline into table T <| data' is supported");
        }
        t.expect("into");
        t.expect("table");
        String table = t.expectName("a table name");
        List<Property> properties = withProperties();
        if (t.check("[")) {
            return new Command.IngestInline(position, table, properties, bracketedRecords());
        }
        t.expect("<|");
        String data = (String) t.advance().value();
        return new Command.IngestInline(position, table, properties, data);
    }

    /** {@code [a,b] [c,d]}: each bracketed record is one CSV line, as after {@code <|}. */
    private String bracketedRecords() {
        StringBuilder data = new StringBuilder();
        String text = t.source().text();
        while (t.check("[")) {
            Token open = t.advance();
            int depth = 1;
            while (depth > 0) {
                Token token = t.peek();
                if (token.kind() == Token.Kind.END) {
                    throw t.error(open, "'[' of this record is never closed");
                }
                depth += token.is("[") ? 1 : token.is("]") ? -1 : 0;
                t.advance();
            }
            data.append(text, open.end(), t.previous().start()).append('\n');
        }
        return data.toString();
    }

    private Command execute(SourcePosition position) {
        t.match("database");
        if (!t.match("script")) {
            throw t.error(t.peek(), "only '.execute database script <| commands' is supported");
        }
        List<Property> properties = withProperties();
        t.expect("<|");
        Token script = t.advance();
        return new Command.ExecuteDatabaseScript(position, properties, ScriptSplitter.split(t.source(), script.start()));
    }
}
