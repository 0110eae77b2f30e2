package dev.adxfed.kql;

import dev.adxfed.kql.syntax.Expression;
import dev.adxfed.kql.syntax.LiteralType;
import dev.adxfed.kql.syntax.Property;
import dev.adxfed.kql.syntax.SourcePosition;
import dev.adxfed.kql.syntax.TabularOperator;

import java.util.ArrayList;
import java.util.List;

/** {@code parse} and {@code parse-where}: {@code [kind=...] [flags=...] source with pattern}. */
final class ParseOperatorParser {

    private final QueryParser parser;
    private final TokenCursor t;

    ParseOperatorParser(QueryParser parser) {
        this.parser = parser;
        this.t = parser.cursor();
    }

    TabularOperator parse(SourcePosition position, boolean where) {
        TabularOperator.ParseKind kind = TabularOperator.ParseKind.SIMPLE;
        String flags = null;
        while (t.peek().kind() == Token.Kind.WORD && t.peek(1).is("=")) {
            Property option = parser.property();
            switch (option.name()) {
                case "kind" -> kind = parseKind(option);
                case "flags" -> flags = String.valueOf(option.value());
                default -> throw t.source().error(option.position().offset(), option.position().offset() + option.name().length(),
                        "unknown parse option '" + option.name() + "': expected kind= or flags=");
            }
        }
        Expression source = parser.expression();
        t.expect("with");
        return new TabularOperator.Parse(position, where, kind, flags, source, pattern());
    }

    private TabularOperator.ParseKind parseKind(Property option) {
        return switch (String.valueOf(option.value())) {
            case "simple" -> TabularOperator.ParseKind.SIMPLE;
            case "regex" -> TabularOperator.ParseKind.REGEX;
            case "relaxed" -> TabularOperator.ParseKind.RELAXED;
            default -> throw t.source().error(option.position().offset(), option.position().offset() + 4,
                    "parse kind must be simple, regex or relaxed, not '" + option.value() + "'");
        };
    }

    /** {@code [*] "text" column[:type] [*] "text" ...}: strings, columns and wildcards in any order. */
    private List<TabularOperator.ParsePart> pattern() {
        List<TabularOperator.ParsePart> parts = new ArrayList<>();
        while (true) {
            Token token = t.peek();
            if (token.is("*")) {
                t.advance();
                parts.add(new TabularOperator.ParseWildcard());
            } else if (token.kind() == Token.Kind.LITERAL && token.literalType() == LiteralType.STRING) {
                t.advance();
                parts.add(new TabularOperator.ParseText((String) token.value()));
            } else if (t.atName() || (token.kind() == Token.Kind.WORD && Keywords.declarable(token.text()))) {
                String name = token.name();
                t.advance();
                String type = t.match(":") ? parser.typeName() : "string";
                parts.add(new TabularOperator.ParseColumn(t.position(token), name, type));
            } else {
                break;
            }
            if (t.check(",")) {
                t.advance();
            }
        }
        if (parts.isEmpty()) {
            throw t.error(t.peek(), "expected the parse pattern: strings, columns and '*' after 'with'");
        }
        return parts;
    }
}
