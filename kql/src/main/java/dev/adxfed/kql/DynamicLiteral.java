package dev.adxfed.kql;

import dev.adxfed.kql.syntax.LiteralType;

import java.util.List;

/**
 * Checks the content of {@code dynamic(...)} as Microsoft's parser does: JSON (objects with string keys,
 * arrays, numbers, strings in either quote, true, false, null) whose values may also be KQL literals
 * such as {@code datetime(2024-01-01)} or {@code 1h}.
 */
final class DynamicLiteral {

    private final List<Token> tokens;
    private int index;

    private DynamicLiteral(String content) {
        this.tokens = Lexer.tokenize(new SourceText(content));
    }

    /** Throws IllegalArgumentException naming what is wrong. */
    static void check(String content) {
        DynamicLiteral literal;
        try {
            literal = new DynamicLiteral(content);
        } catch (KqlSyntaxException e) {
            throw new IllegalArgumentException("dynamic(" + content + ") is not valid: " + e.detail());
        }
        literal.value(content);
        if (literal.peek().kind() != Token.Kind.END) {
            throw literal.error(content, "unexpected '" + literal.peek().text() + "' after the value");
        }
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token token = tokens.get(index);
        if (token.kind() != Token.Kind.END) {
            index++;
        }
        return token;
    }

    private IllegalArgumentException error(String content, String detail) {
        return new IllegalArgumentException("dynamic(" + content + ") is not valid JSON: " + detail);
    }

    private void value(String content) {
        Token token = next();
        if (token.is("[")) {
            list(content, "]", false);
        } else if (token.is("{")) {
            list(content, "}", true);
        } else if (token.is("-") || token.is("+")) {
            if (peek().kind() != Token.Kind.LITERAL) {
                throw error(content, "expected a number after '" + token.text() + "'");
            }
            next();
        } else if (token.kind() != Token.Kind.LITERAL && token.kind() != Token.Kind.BRACKETED_NAME && !token.is("null")) {
            // ['x'] lexes as one bracketed name: here it is an array holding one string
            throw error(content, token.kind() == Token.Kind.END ? "a value is missing" : "'" + token.text() + "' is not a value");
        }
    }

    private void list(String content, String closer, boolean pairs) {
        if (peek().is(closer)) {
            next();
            return;
        }
        do {
            if (pairs) {
                Token key = next();
                if (key.kind() != Token.Kind.LITERAL || key.literalType() != LiteralType.STRING) {
                    throw error(content, "a key must be a string, not '" + key.text() + "'");
                }
                if (!next().is(":")) {
                    throw error(content, "expected ':' after the key " + key.text());
                }
            }
            value(content);
        } while (next().is(",") || rewindCloser(closer, content));
    }

    /** After a value: ',' was not found, so the token taken must be the closer. */
    private boolean rewindCloser(String closer, String content) {
        Token previous = tokens.get(index - 1);
        if (!previous.is(closer)) {
            throw error(content, "expected ',' or '" + closer + "' but found '" + previous.text() + "'");
        }
        return false;
    }
}
