package dev.adxfed.kql;

import dev.adxfed.kql.syntax.LiteralType;
import dev.adxfed.kql.syntax.Property;

import java.util.Arrays;

/** Operator options and properties: {@code kind=inner}, {@code hint.strategy=shuffle}, {@code with (...)} values. */
final class OptionParser {

    private final QueryParser parser;
    private final TokenCursor t;

    OptionParser(QueryParser parser) {
        this.parser = parser;
        this.t = parser.cursor();
    }

    String oneOf(String what, String... allowed) {
        Token token = t.peek();
        if (token.kind() == Token.Kind.WORD && Arrays.asList(allowed).contains(token.text())) {
            t.advance();
            return token.text();
        }
        throw t.error(token, "expected " + what + ": one of " + String.join(", ", allowed));
    }

    boolean booleanValue(String what) {
        Token token = t.peek();
        if (token.kind() == Token.Kind.LITERAL && token.literalType() == LiteralType.BOOL) {
            t.advance();
            return (Boolean) token.value();
        }
        throw t.error(token, "expected true or false for " + what);
    }

    /** {@code name=value} or {@code hint.name=value}: a word, a literal or a name as the value. */
    Property property() {
        return property(true);
    }

    /** A property of a command's with (...) clause: Kusto wants literals there, not bare words. */
    Property commandProperty() {
        return property(false);
    }

    private Property property(boolean wordValues) {
        Token start = t.peek();
        if (start.kind() != Token.Kind.WORD) {
            throw t.error(start, "expected a property name");
        }
        StringBuilder name = new StringBuilder(t.advance().text());
        while (t.check(".") && t.peek(1).kind() == Token.Kind.WORD) {
            t.advance();
            name.append('.').append(t.advance().text());
        }
        t.expect("=");
        return new Property(t.position(start), name.toString(), propertyValue(wordValues));
    }

    private Object propertyValue(boolean wordValues) {
        Token token = t.peek();
        if (token.kind() == Token.Kind.LITERAL && token.literalType() != LiteralType.DYNAMIC) {
            t.advance();
            return token.value();
        }
        if (token.is("-") && t.peek(1).kind() == Token.Kind.LITERAL && t.peek(1).value() instanceof Number) {
            t.advance();
            Object n = t.advance().value();
            return n instanceof Long l ? (Object) (-l) : (Object) (-((Double) n));
        }
        if (token.isName() && wordValues) {
            t.advance();
            return token.name();
        }
        throw t.error(token, wordValues ? "expected a property value" : "expected a literal property value, e.g. \"csv\" or true");
    }
}
