package dev.adxfed.kql;

import dev.adxfed.kql.syntax.Expression;
import dev.adxfed.kql.syntax.NamedExpression;
import dev.adxfed.kql.syntax.Property;
import dev.adxfed.kql.syntax.SourcePosition;
import dev.adxfed.kql.syntax.TabularExpression;
import dev.adxfed.kql.syntax.TabularOperator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The operators of the KQL reference that no engine here runs (fork, facet, scan, partition, graph
 * operators, sample, top-nested, search, find, ...), read into a {@link TabularOperator.Generic}: leading
 * {@code name=value} options, then scalar parts, subqueries in parentheses and the operator's keywords in
 * the order written. Brackets must balance and a clause keyword must be followed by its clause; beyond
 * that the check is as loose as Microsoft's parser, which leaves most of these operators' rules to the
 * semantic pass.
 */
final class GenericOperatorParser {

    /** Option names read as {@code name=value} before the operator's body. */
    private static final Set<String> OPTIONS = Set.of("kind", "withsource", "with_source", "decodeblocks", "isfuzzy",
            "cycles", "bagexpansion", "with_match_id", "with_step_name", "with_itemindex", "weight", "threshold",
            "characters", "flags", "pair_delimiter", "kv_delimiter", "quote", "escape", "greedy", "output", "with_node_id",
            "with_source_id", "with_target_id", "with_component_id", "reverse", "partition_by", "datascope");

    /** Words that introduce or join clauses; one of them cannot end the operator. */
    private static final Set<String> CLAUSE_WORDS = Set.of("by", "of", "with", "on", "to", "in", "from", "step",
            "where", "project", "output", "as", "declare", "others", "into");

    /** Words that may end an operator's text: sort orders and the like. */
    private static final Set<String> CLOSING_WORDS = Set.of("asc", "desc", "first", "last", "nulls", "nodes", "edges");

    private final QueryParser parser;
    private final TokenCursor t;

    GenericOperatorParser(QueryParser parser) {
        this.parser = parser;
        this.t = parser.cursor();
    }

    TabularOperator.Generic generic(SourcePosition position, String name) {
        List<Property> options = new ArrayList<>();
        while (t.peek().kind() == Token.Kind.WORD && ((OPTIONS.contains(t.peek().text()) && t.peek(1).is("="))
                || (t.check("hint") && t.peek(1).is(".")))) {
            options.add(parser.property());
        }
        List<NamedExpression> expressions = new ArrayList<>();
        List<TabularExpression> subqueries = new ArrayList<>();
        Token dangling = null;
        int bodyStart = t.peek().start();
        while (!atEnd()) {
            Token token = t.peek();
            dangling = null;
            if (token.is("(")) {
                parenthesized(expressions, subqueries);
            } else if (token.is("{") || token.is("[")) {
                balanced();
            } else if (token.kind() == Token.Kind.WORD && CLAUSE_WORDS.contains(token.text()) && !t.peek(1).is("=")) {
                t.advance();
                dangling = token;
            } else if (token.kind() == Token.Kind.WORD && CLOSING_WORDS.contains(token.text())) {
                t.advance();
            } else if (token.kind() == Token.Kind.PUNCTUATION && !token.is("*") && !token.is("-")) {
                t.advance();
                dangling = token.is(",") || token.is("=") || token.is(":") ? token : null;
            } else {
                expression(expressions);
            }
        }
        if (dangling != null) {
            throw t.error(t.peek(), "expected more of the " + name + " operator after '" + dangling.text() + "'");
        }
        if (t.peek().start() == bodyStart && !NO_BODY.contains(name)) {
            throw t.error(t.peek(), "expected the arguments of the " + name + " operator");
        }
        return new TabularOperator.Generic(position, name, options, expressions, subqueries);
    }

    /** Operators that may stand alone, as {@code | consume} does. */
    private static final Set<String> NO_BODY = Set.of("consume", "project-keep", "project-reorder", "project-smart",
            "project-by-names", "execute-and-cache", "assert-schema", "graph-mark-components", "graph-shortest-paths");

    private boolean atEnd() {
        return t.atEnd() || t.check("|") || t.check(")") || t.check(";") || t.check("}") || t.check("]");
    }

    private void expression(List<NamedExpression> expressions) {
        int mark = t.mark();
        try {
            expressions.add(parser.namedExpression());
        } catch (KqlSyntaxException e) {
            t.reset(mark);
            if (t.peek().kind() == Token.Kind.PUNCTUATION && !t.check("*") && !t.check("-")) {
                throw e;
            }
            t.advance();
        }
    }

    /** {@code (subquery)}, {@code (a, b)} or anything else with balanced brackets (a schema, a graph pattern node). */
    private void parenthesized(List<NamedExpression> expressions, List<TabularExpression> subqueries) {
        int mark = t.mark();
        try {
            t.expect("(");
            TabularExpression subquery = parser.subquery();
            t.expect(")");
            subqueries.add(subquery);
            return;
        } catch (KqlSyntaxException e) {
            t.reset(mark);
        }
        try {
            t.expect("(");
            List<NamedExpression> list = parser.namedExpressions();
            t.expect(")");
            expressions.addAll(list);
            return;
        } catch (KqlSyntaxException e) {
            t.reset(mark);
        }
        balanced();
    }

    /** Skips from an opening bracket to its match, failing when the text ends first or brackets cross. */
    void balanced() {
        List<String> open = new ArrayList<>();
        do {
            Token token = t.peek();
            if (token.kind() == Token.Kind.END) {
                throw t.error(token, "expected '" + closer(open.get(open.size() - 1)) + "' but the text ended");
            }
            if (token.is("(") || token.is("[") || token.is("{")) {
                open.add(token.text());
            } else if (token.is(")") || token.is("]") || token.is("}")) {
                if (open.isEmpty() || !closer(open.get(open.size() - 1)).equals(token.text())) {
                    throw t.error(token, "unbalanced '" + token.text() + "'");
                }
                open.remove(open.size() - 1);
            }
            t.advance();
        } while (!open.isEmpty());
    }

    private static String closer(String opener) {
        return switch (opener) {
            case "(" -> ")";
            case "[" -> "]";
            default -> "}";
        };
    }
}
