package dev.adxfed.kql;

import dev.adxfed.kql.syntax.Command;
import dev.adxfed.kql.syntax.SourcePosition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The management commands the emulator does not run, checked as far as Microsoft's parser checks their
 * first words: a verb it knows must be followed by one of the entity kinds it lists for that verb (a verb
 * it does not know, such as {@code .list}, is kept as unrecognised text), and brackets must balance up to
 * {@code <|}. The result is a {@link Command.Other} naming the command.
 */
final class OtherCommandParser {

    /** What Microsoft's parser expects after each verb it knows ({@code <name>}: a name is also allowed). */
    private static final Map<String, Set<String>> TARGETS = Map.ofEntries(
            Map.entry("alter", words("async cache cluster column columns database entity_group extentcontainers external fabric "
                    + "follower function graph_model materialized-view mirroring-template policies table tables workload_group")),
            Map.entry("alter-merge", words("async cluster column database entity_group external materialized-view "
                    + "mirroring-template table tables workload_group")),
            Map.entry("create", words("async database entity_group external function ifnotexists materialized-view "
                    + "mirroring-template request_memoryprofile request_support rowstore table tables tempstorage")),
            Map.entry("create-or-alter", words("continuous-export database entity_group external function graph_model "
                    + "materialized-view mirroring-template table workload_group")),
            Map.entry("create-merge", words("table tables")),
            Map.entry("drop", words("async cluster column continuous-export database empty entity_group extent extents external "
                    + "fabric follower function functions graph_model graph_shards graph_snapshot graph_snapshots "
                    + "materialized-view rowstore stored_query_result stored_query_results storedqueryresultcontainers table "
                    + "tables tempstorage unused workload_group")),
            Map.entry("delete", words("async cluster column database external follower graph_model materialized-view "
                    + "mirroring-template policies table")),
            Map.entry("clear", words("async cache cluster database materialized-view table")),
            Map.entry("add", words("cluster database external follower function graph_model materialized-view table")),
            Map.entry("rename", words("column columns materialized-view table tables")),
            Map.entry("cancel", words("operation query")),
            Map.entry("ingest", words("async inline into")),
            Map.entry("export", words("async compressed to")),
            Map.entry("enable", words("cluster continuous-export database materialized-view plugin")),
            Map.entry("disable", words("cluster continuous-export database materialized-view plugin")),
            Map.entry("execute", words("cluster database script")),
            Map.entry("make", words("async graph_shards graph_snapshot")),
            Map.entry("move", words("async extents")),
            Map.entry("replace", words("async database extents")),
            Map.entry("update", words("async table")),
            Map.entry("drop-pretend", words("extents")),
            Map.entry("set", words("<name> access async cluster continuous-export database external function graph_model "
                    + "ifnotexists materialized-view stored_query_result table")),
            Map.entry("set-or-append", words("<name> async")),
            Map.entry("set-or-replace", words("<name> async stored_query_result")),
            Map.entry("append", words("<name> async")),
            Map.entry("show", words("<name> cache callstacks capacity certificates clockdiagnostics cloudsettings cluster column "
                    + "commands commands-and-queries commconcurrency commpools continuous-export continuous-exports data database "
                    + "databases diagnostics entity entity_group entity_groups extentcontainers extents external fabric "
                    + "fabriccache fabricclocks fabriclocks featureflags filesystem follower freshness function functions "
                    + "graph_model graph_models graph_snapshot graph_snapshots ingestion journal materialized-view "
                    + "materialized-views memory mempools mirroring-template mirroring-templates operation operations plugins "
                    + "principal queries query queryexecution queryplan request_support rowstore rowstores running schema "
                    + "servicepoints stored_query_result stored_query_results streamingingestion table tables tcpconnections "
                    + "tcpports threadpools version whatsgoingon workload_group workload_groups")));

    private final TokenCursor t;

    OtherCommandParser(TokenCursor cursor) {
        this.t = cursor;
    }

    private static Set<String> words(String list) {
        return Set.of(list.split(" "));
    }

    /** Where a verb takes a name, what Microsoft's parser wants after it: {@code .show T extents}, {@code .set T <| query}. */
    private static boolean afterName(Token verb, Token next) {
        return verb.is("show") ? next.is("extents") : next.is("<|") || next.is("with");
    }

    /** From just after the verb to the end of the text. */
    Command other(SourcePosition position, Token verb) {
        StringBuilder name = new StringBuilder(".").append(verb.text());
        Set<String> targets = TARGETS.get(verb.text());
        if (targets != null) {
            Token target = t.peek();
            boolean known = target.kind() == Token.Kind.WORD && targets.contains(target.text());
            boolean named = targets.contains("<name>") && target.isName() && afterName(verb, t.peek(1));
            if (!known && !named) {
                throw t.error(target, "expected one of " + String.join(", ", targets.stream().sorted().toList())
                        + " after ." + verb.text());
            }
            if (known) {
                name.append(' ').append(target.text());
            }
            if (verb.is("ingest") && (target.is("into") || (target.is("async") && t.peek(1).is("into")))) {
                Token table = t.peek(target.is("into") ? 1 : 2);
                if (!table.is("table")) {
                    throw t.error(table, "expected 'table' after '.ingest into'");
                }
            }
        }
        balancedToEnd();
        return new Command.Other(position, name.toString(), t.source().text().substring(position.offset()).strip());
    }

    private void balancedToEnd() {
        List<Token> open = new ArrayList<>();
        while (!t.atEnd() && !t.check("<|")) {
            if (t.check("<") && t.peek(1).kind() == Token.Kind.WORD && t.peek(2).is(">")) {
                throw t.error(t.peek(), "'<" + t.peek(1).text() + ">' is a placeholder: write the name or value");
            }
            Token token = t.advance();
            if (token.is("|") && (t.atEnd() || t.check("|"))) {
                throw t.error(t.peek(), "expected a query operator after '|'");
            }
            if (token.is("(") || token.is("[") || token.is("{")) {
                open.add(token);
            } else if (token.is(")") || token.is("]") || token.is("}")) {
                if (open.isEmpty() || !matches(open.get(open.size() - 1), token)) {
                    throw t.error(token, "unbalanced '" + token.text() + "'");
                }
                open.remove(open.size() - 1);
            }
        }
        if (!open.isEmpty()) {
            throw t.error(open.get(open.size() - 1), "'" + open.get(open.size() - 1).text() + "' is never closed");
        }
        if (t.match("<|")) {
            t.advance();
        }
    }

    private static boolean matches(Token open, Token close) {
        return (open.is("(") && close.is(")")) || (open.is("[") && close.is("]")) || (open.is("{") && close.is("}"));
    }
}
