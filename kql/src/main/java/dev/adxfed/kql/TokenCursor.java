package dev.adxfed.kql;

import dev.adxfed.kql.syntax.SourcePosition;

import java.util.List;

/** The parser's view of the tokens: look ahead, consume, expect, and fail with a positioned error. */
final class TokenCursor {

    private final SourceText source;
    private final List<Token> tokens;
    private int index;

    TokenCursor(SourceText source) {
        this.source = source;
        this.tokens = Lexer.tokenize(source);
    }

    SourceText source() {
        return source;
    }

    Token peek() {
        return tokens.get(index);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    Token advance() {
        Token token = tokens.get(index);
        if (token.kind() != Token.Kind.END) {
            index++;
        }
        return token;
    }

    Token previous() {
        return tokens.get(index - 1);
    }

    boolean check(String word) {
        return peek().is(word);
    }

    boolean match(String word) {
        if (check(word)) {
            advance();
            return true;
        }
        return false;
    }

    Token expect(String word) {
        if (!check(word)) {
            throw error(peek(), "expected '" + word + "'");
        }
        return advance();
    }

    boolean atEnd() {
        return peek().kind() == Token.Kind.END;
    }

    int mark() {
        return index;
    }

    void reset(int mark) {
        index = mark;
    }

    SourcePosition position(Token token) {
        return source.position(token.start());
    }

    KqlSyntaxException error(Token at, String detail) {
        return source.error(at.start(), at.end(), detail);
    }

    /** A name: a plain word that is not a reserved keyword, or a bracketed name such as {@code ['a b']}. */
    String expectName(String what) {
        Token token = peek();
        if (token.kind() == Token.Kind.BRACKETED_NAME) {
            advance();
            return token.name();
        }
        if (token.kind() == Token.Kind.WORD && !token.text().startsWith("!")) {
            if (!Keywords.usableAsName(token.text())) {
                throw error(token, "'" + token.text() + "' is a keyword: write ['" + token.text() + "'] to use it as " + what);
            }
            advance();
            return token.text();
        }
        throw error(token, "expected " + what);
    }

    boolean atName() {
        Token token = peek();
        return token.kind() == Token.Kind.BRACKETED_NAME
                || (token.kind() == Token.Kind.WORD && !token.text().startsWith("!") && Keywords.usableAsName(token.text()));
    }

    /** A string literal's value, e.g. the argument of {@code cluster('...')}. */
    String expectString(String what) {
        Token token = peek();
        if (token.kind() != Token.Kind.LITERAL || token.literalType() != dev.adxfed.kql.syntax.LiteralType.STRING) {
            throw error(token, "expected " + what + " as a string literal");
        }
        advance();
        return (String) token.value();
    }
}
