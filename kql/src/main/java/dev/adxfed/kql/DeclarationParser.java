package dev.adxfed.kql;

import dev.adxfed.kql.syntax.EntityReference;
import dev.adxfed.kql.syntax.FunctionParameter;
import dev.adxfed.kql.syntax.Statement;

import java.util.ArrayList;
import java.util.List;

/** The statements that declare rather than compute: {@code alias database}, {@code restrict access to} and {@code declare pattern}. */
final class DeclarationParser {

    private final QueryParser parser;
    private final TokenCursor t;

    DeclarationParser(QueryParser parser) {
        this.parser = parser;
        this.t = parser.cursor();
    }

    /** {@code alias database Name = cluster('c').database('d')}. */
    Statement alias() {
        Token start = t.expect("alias");
        t.expect("database");
        String name = t.expectName("the alias name");
        t.expect("=");
        List<EntityReference> target = parser.entityReferences(";");
        if (target.size() != 1 || target.get(0).database() == null) {
            throw t.error(t.peek(), "an alias names one database: cluster('c').database('d')");
        }
        return new Statement.Alias(t.position(start), name, target.get(0));
    }

    /** {@code restrict access to (T, database('d').*, V*)}: the entities the rest of the query may use, as written. */
    Statement restrict() {
        Token start = t.expect("restrict");
        t.expect("access");
        t.expect("to");
        Token open = t.expect("(");
        List<String> entities = new ArrayList<>();
        int from = t.peek().start();
        int depth = 0;
        while (depth > 0 || !t.check(")")) {
            Token token = t.peek();
            if (token.kind() == Token.Kind.END) {
                throw t.error(open, "'(' is never closed");
            }
            if (depth == 0 && token.is(",")) {
                entities.add(t.source().text().substring(from, t.previous().end()).strip());
                from = t.peek(1).start();
            }
            depth += token.is("(") ? 1 : token.is(")") ? -1 : 0;
            t.advance();
        }
        if (t.peek().start() > from) {
            entities.add(t.source().text().substring(from, t.previous().end()).strip());
        }
        t.expect(")");
        return new Statement.Restrict(t.position(start), entities);
    }

    /**
     * {@code declare pattern P [= (arg:type, ...)[path:type] { (value).[path] = { body }; ... }]}: a pattern
     * whose definitions the query supplies (or the request does, when they are left out).
     */
    Statement declarePattern() {
        Token start = t.expect("declare");
        t.expect("pattern");
        String name = t.expectName("the pattern name");
        List<FunctionParameter> parameters = List.of();
        List<FunctionParameter> path = List.of();
        String body = null;
        if (t.match("=")) {
            parameters = parser.parameters();
            if (t.check("[")) {
                t.advance();
                Token p = t.peek();
                String pathName = t.expectName("the path parameter");
                t.expect(":");
                path = List.of(new FunctionParameter(t.position(p), pathName, parser.typeName(), null));
                t.expect("]");
            }
            Token open = t.peek();
            if (!open.is("{")) {
                throw t.error(open, "expected '{' and the pattern's definitions");
            }
            skipBraces();
            body = t.source().text().substring(open.start(), t.previous().end());
        }
        return new Statement.DeclarePattern(t.position(start), name, parameters, path, body);
    }

    private void skipBraces() {
        int depth = 0;
        do {
            Token token = t.peek();
            if (token.kind() == Token.Kind.END) {
                throw t.error(token, "expected '}' to close the pattern's definitions");
            }
            depth += token.is("{") ? 1 : token.is("}") ? -1 : 0;
            t.advance();
        } while (depth > 0);
    }
}
