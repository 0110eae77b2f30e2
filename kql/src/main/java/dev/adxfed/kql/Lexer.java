package dev.adxfed.kql;

import dev.adxfed.kql.syntax.LiteralType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits KQL text into tokens. Literals are decoded here, so the parser sees values. Everything after
 * {@code <|} is one {@link Token.Kind#REST_OF_TEXT} token: it is data or commands, not KQL to tokenize.
 */
final class Lexer {

    /** Keywords spelled with dashes; any other {@code a-b} is a subtraction. */
    private static final Set<String> DASHED_WORDS = Set.of(
            "project-away", "project-rename", "project-keep", "project-reorder", "project-smart", "project-by-names",
            "mv-expand", "mv-apply", "macro-expand", "make-series", "make-graph", "parse-where", "parse-kv",
            "top-nested", "top-hitters", "sample-distinct", "assert-schema", "partition-by", "graph-match",
            "graph-to-table", "graph-shortest-paths", "graph-mark-components", "graph-where-nodes", "graph-where-edges",
            "create-or-alter", "create-merge", "alter-merge", "create-if-not-exists", "commands-and-queries",
            "set-or-append", "set-or-replace", "execute-and-cache", "materialized-view", "materialized-views",
            "mirroring-template", "mirroring-templates", "continuous-export", "continuous-exports", "drop-pretend", "based-on");

    private static final Set<String> TYPED_LITERALS = Set.of(
            "datetime", "date", "timespan", "time", "guid", "dynamic", "int", "long", "real", "double",
            "decimal", "bool", "boolean");

    private static final Set<String> BOOLEANS = Set.of("true", "True", "TRUE", "false", "False", "FALSE");

    private static final String[] PUNCTUATION = {
            "<|", "..", "==", "!=", "<=", ">=", "=~", "!~", "=>",
            "(", ")", "[", "]", "{", "}", "|", ",", ";", ".", "=", "<", ">", "+", "-", "*", "/", "%", ":", "!", "~", "?"};

    private static final long TICKS_PER_MILLI = 10_000L;
    private static final Map<String, BigDecimal> TICKS_PER_UNIT = Map.ofEntries(
            Map.entry("d", ticks(86_400_000L)), Map.entry("day", ticks(86_400_000L)), Map.entry("days", ticks(86_400_000L)),
            Map.entry("h", ticks(3_600_000L)), Map.entry("hr", ticks(3_600_000L)), Map.entry("hrs", ticks(3_600_000L)),
            Map.entry("hour", ticks(3_600_000L)), Map.entry("hours", ticks(3_600_000L)),
            Map.entry("m", ticks(60_000L)), Map.entry("min", ticks(60_000L)), Map.entry("minute", ticks(60_000L)),
            Map.entry("minutes", ticks(60_000L)),
            Map.entry("s", ticks(1_000L)), Map.entry("sec", ticks(1_000L)), Map.entry("second", ticks(1_000L)),
            Map.entry("seconds", ticks(1_000L)),
            Map.entry("ms", ticks(1L)), Map.entry("milli", ticks(1L)), Map.entry("millis", ticks(1L)),
            Map.entry("millisec", ticks(1L)), Map.entry("millisecond", ticks(1L)), Map.entry("milliseconds", ticks(1L)),
            Map.entry("micro", BigDecimal.TEN), Map.entry("micros", BigDecimal.TEN), Map.entry("microsec", BigDecimal.TEN),
            Map.entry("microsecond", BigDecimal.TEN), Map.entry("microseconds", BigDecimal.TEN),
            Map.entry("nano", new BigDecimal("0.01")), Map.entry("nanos", new BigDecimal("0.01")),
            Map.entry("nanosec", new BigDecimal("0.01")), Map.entry("nanosecond", new BigDecimal("0.01")),
            Map.entry("nanoseconds", new BigDecimal("0.01")),
            Map.entry("tick", BigDecimal.ONE), Map.entry("ticks", BigDecimal.ONE));

    private final SourceText source;
    private final String text;
    private int pos;
    private final List<Token> tokens = new ArrayList<>();

    private Lexer(SourceText source) {
        this.source = source;
        this.text = source.text();
    }

    static List<Token> tokenize(SourceText source) {
        return new Lexer(source).run();
    }

    private static BigDecimal ticks(long millis) {
        return BigDecimal.valueOf(millis * TICKS_PER_MILLI);
    }

    private List<Token> run() {
        while (true) {
            boolean space = skipBlanksAndComments();
            if (pos >= text.length()) {
                tokens.add(new Token(Token.Kind.END, "", null, null, pos, pos, space));
                return tokens;
            }
            Token token = next(space);
            tokens.add(token);
            if (token.is("<|")) {
                tokens.add(new Token(Token.Kind.REST_OF_TEXT, text.substring(pos), text.substring(pos), null, pos, text.length(), false));
                pos = text.length();
            }
        }
    }

    private boolean skipBlanksAndComments() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pos++;
            } else if (text.startsWith("//", pos)) {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                break;
            }
        }
        return pos > start;
    }

    private Token next(boolean space) {
        int start = pos;
        char c = text.charAt(pos);
        if (text.startsWith("```", pos) || text.startsWith("~~~", pos)) {
            return multiLineString(start, space, 0);
        }
        if ((c == 'h' || c == 'H') && startsString(pos + 1)) {
            return string(start, pos + 1, space);
        }
        if (startsString(pos)) {
            return string(start, pos, space);
        }
        if (c == '[' && pos + 1 < text.length() && (text.charAt(pos + 1) == '\'' || text.charAt(pos + 1) == '"')
                && closesRightAfterString(pos + 1)) {
            return bracketedName(start, space);
        }
        if (Character.isDigit(c)) {
            return number(start, space);
        }
        if (c == '!' && pos + 1 < text.length() && Character.isLetter(text.charAt(pos + 1))) {
            pos++;
            scanIdentifierChars();
            if (text.startsWith("in~", start + 1) && pos == start + 3 && pos < text.length() && text.charAt(pos) == '~') {
                pos++;
            }
            return word(start, space);
        }
        if (isIdentifierStart(c)) {
            pos++;
            scanIdentifierChars();
            String word = text.substring(start, pos);
            if (word.equals("in") && pos < text.length() && text.charAt(pos) == '~') {
                pos++;
                return word(start, space);
            }
            String dashed = longestDashedWord(start);
            if (dashed != null) {
                pos = start + dashed.length();
                return word(start, space);
            }
            if (BOOLEANS.contains(word)) {
                return new Token(Token.Kind.LITERAL, word, word.equalsIgnoreCase("true"), LiteralType.BOOL, start, pos, space);
            }
            if (TYPED_LITERALS.contains(word)) {
                int open = skipBlanksFrom(pos);
                if (open < text.length() && text.charAt(open) == '(') {
                    return typedLiteral(start, word, open, space);
                }
            }
            return word(start, space);
        }
        for (String p : PUNCTUATION) {
            if (text.startsWith(p, pos)) {
                pos += p.length();
                return new Token(Token.Kind.PUNCTUATION, p, null, null, start, pos, space);
            }
        }
        throw source.error(start, start + 1, "unexpected character '" + c + "'");
    }

    private Token word(int start, boolean space) {
        return new Token(Token.Kind.WORD, text.substring(start, pos), null, null, start, pos, space);
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    private void scanIdentifierChars() {
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
    }

    private String longestDashedWord(int start) {
        String best = null;
        int end = pos;
        while (end < text.length() && text.charAt(end) == '-' && end + 1 < text.length() && Character.isLetter(text.charAt(end + 1))) {
            int next = end + 1;
            while (next < text.length() && (Character.isLetterOrDigit(text.charAt(next)) || text.charAt(next) == '_')) {
                next++;
            }
            String candidate = text.substring(start, next);
            if (DASHED_WORDS.contains(candidate)) {
                best = candidate;
            }
            end = next;
        }
        return best;
    }

    private int skipBlanksFrom(int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private boolean startsString(int at) {
        if (at >= text.length()) {
            return false;
        }
        char c = text.charAt(at);
        if (c == '@') {
            return at + 1 < text.length() && (text.charAt(at + 1) == '\'' || text.charAt(at + 1) == '"');
        }
        return c == '\'' || c == '"' || text.startsWith("```", at) || text.startsWith("~~~", at);
    }

    /** A string literal starting at {@code at} (after an optional h/H obfuscation prefix at {@code start}). */
    private Token string(int start, int at, boolean space) {
        if (text.startsWith("```", at) || text.startsWith("~~~", at)) {
            return multiLineString(start, space, at - start);
        }
        boolean verbatim = text.charAt(at) == '@';
        int i = verbatim ? at + 1 : at;
        char quote = text.charAt(i);
        i++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (i >= text.length() || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                throw source.error(start, i, "unterminated string literal (a string cannot span lines; use \\n)");
            }
            char c = text.charAt(i);
            if (c == quote) {
                if (verbatim && i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    value.append(quote);
                    i += 2;
                    continue;
                }
                i++;
                break;
            }
            if (c == '\\' && !verbatim) {
                i = escape(start, i, value);
                continue;
            }
            value.append(c);
            i++;
        }
        pos = i;
        return new Token(Token.Kind.LITERAL, text.substring(start, pos), value.toString(), LiteralType.STRING, start, pos, space);
    }

    private Token multiLineString(int start, boolean space, int prefixLength) {
        int open = start + prefixLength;
        String fence = text.substring(open, open + 3);
        int close = text.indexOf(fence, open + 3);
        if (close < 0) {
            throw source.error(start, open + 3, "unterminated multi-line string literal (missing closing " + fence + ")");
        }
        pos = close + 3;
        return new Token(Token.Kind.LITERAL, text.substring(start, pos), text.substring(open + 3, close), LiteralType.STRING, start, pos, space);
    }

    /** Decodes the escape at {@code i} (a backslash) into {@code value}; returns the index after it. */
    private int escape(int start, int i, StringBuilder value) {
        if (i + 1 >= text.length()) {
            throw source.error(start, i, "unterminated string literal");
        }
        char e = text.charAt(i + 1);
        switch (e) {
            case '\'', '"', '\\' -> value.append(e);
            case 'a' -> value.append('\u0007');
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'n' -> value.append('\n');
            case 'r' -> value.append('\r');
            case 't' -> value.append('\t');
            case 'v' -> value.append('\u000b');
            case 'u' -> {
                value.append((char) hex(i, 4));
                return i + 6;
            }
            case 'x' -> {
                value.append((char) hex(i, 2));
                return i + 4;
            }
            default -> {
                if (e >= '0' && e <= '7') {
                    int end = i + 1;
                    while (end < text.length() && end < i + 4 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
                        end++;
                    }
                    value.append((char) Integer.parseInt(text.substring(i + 1, end), 8));
                    return end;
                }
                throw source.error(i, i + 2, "unknown escape sequence '\\" + e + "' in a string literal");
            }
        }
        return i + 2;
    }

    private int hex(int backslash, int digits) {
        int from = backslash + 2;
        if (from + digits > text.length()) {
            throw source.error(backslash, from, "incomplete escape sequence in a string literal");
        }
        String hex = text.substring(from, from + digits);
        try {
            return Integer.parseInt(hex, 16);
        } catch (NumberFormatException e) {
            throw source.error(backslash, from + digits, "'" + hex + "' is not " + digits + " hexadecimal digits");
        }
    }

    /** Whether the string starting at {@code quote} is directly followed by ']' (a name), not by ',' (a list like ['a', 'b']). */
    private boolean closesRightAfterString(int quote) {
        int saved = pos;
        try {
            pos = quote;
            string(quote, quote, false);
            return pos < text.length() && text.charAt(pos) == ']';
        } catch (KqlSyntaxException e) {
            return true;
        } finally {
            pos = saved;
        }
    }

    private Token bracketedName(int start, boolean space) {
        pos = start + 1;
        Token quoted = string(pos, pos, false);
        if (pos >= text.length() || text.charAt(pos) != ']') {
            throw source.error(start, pos, "a bracketed name needs a closing ']'");
        }
        pos++;
        return new Token(Token.Kind.BRACKETED_NAME, text.substring(start, pos), quoted.value(), null, start, pos, space);
    }

    private Token number(int start, boolean space) {
        if (text.startsWith("0x", pos) || text.startsWith("0X", pos)) {
            int i = pos + 2;
            while (i < text.length() && Character.digit(text.charAt(i), 16) >= 0) {
                i++;
            }
            pos = i;
            try {
                long value = Long.parseUnsignedLong(text.substring(start + 2, i), 16);
                return new Token(Token.Kind.LITERAL, text.substring(start, i), value, LiteralType.LONG, start, i, space);
            } catch (NumberFormatException e) {
                throw source.error(start, i, "'" + text.substring(start, i) + "' is not a valid hexadecimal long");
            }
        }
        int i = digits(pos);
        boolean real = false;
        if (i < text.length() && text.charAt(i) == '.' && !text.startsWith("..", i)) {
            real = true;
            i = digits(i + 1);
        }
        String suffix = suffixAt(i);
        if (!suffix.isEmpty() && TICKS_PER_UNIT.containsKey(suffix)) {
            BigDecimal amount = new BigDecimal(text.substring(start, i));
            pos = i + suffix.length();
            return timespanToken(start, amount.multiply(TICKS_PER_UNIT.get(suffix)), space);
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int exp = i + 1;
            if (exp < text.length() && (text.charAt(exp) == '+' || text.charAt(exp) == '-')) {
                exp++;
            }
            int end = digits(exp);
            if (end > exp) {
                real = true;
                i = end;
                suffix = suffixAt(i);
            }
        }
        if (!suffix.isEmpty() && !real) {
            // Kusto reads digits followed by letters, such as 1abc, as a name.
            pos = i + suffix.length();
            return word(start, space);
        }
        if (!suffix.isEmpty()) {
            throw source.error(start, i + suffix.length(), "'" + text.substring(start, i + suffix.length())
                    + "' is not a number or a timespan (timespan units: d, h, m, s, ms, microsecond, tick, ...)");
        }
        pos = i;
        String literal = text.substring(start, i);
        if (real) {
            return new Token(Token.Kind.LITERAL, literal, Double.parseDouble(literal), LiteralType.REAL, start, i, space);
        }
        try {
            return new Token(Token.Kind.LITERAL, literal, Long.parseLong(literal), LiteralType.LONG, start, i, space);
        } catch (NumberFormatException e) {
            throw source.error(start, i, "the number " + literal + " does not fit in a long");
        }
    }

    private int digits(int from) {
        int i = from;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private String suffixAt(int from) {
        int i = from;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        return text.substring(from, i);
    }

    private Token timespanToken(int start, BigDecimal ticks, boolean space) {
        long whole = ticks.setScale(0, RoundingMode.HALF_UP).longValueExact();
        return new Token(Token.Kind.LITERAL, text.substring(start, pos), Literals.durationOfTicks(whole), LiteralType.TIMESPAN, start, pos, space);
    }

    /** {@code datetime(...)}, {@code dynamic(...)}, {@code long(...)} and the other literals written as a type and a value. */
    private Token typedLiteral(int start, String type, int open, boolean space) {
        int close;
        if (type.equals("dynamic")) {
            close = closingParenthesis(start, open);
        } else {
            close = text.indexOf(')', open);
            int newline = text.indexOf('\n', open);
            if (close < 0 || (newline >= 0 && newline < close)) {
                throw source.error(start, open + 1, "the " + type + " literal needs a closing ')'");
            }
        }
        String content = text.substring(open + 1, close).trim();
        pos = close + 1;
        Literals.Typed literal;
        try {
            literal = Literals.parse(type, content);
        } catch (IllegalArgumentException e) {
            throw source.error(start, pos, e.getMessage());
        }
        return new Token(Token.Kind.LITERAL, text.substring(start, pos), literal.value(), literal.type(), start, pos, space);
    }

    /** The index of the ')' matching the '(' at {@code open}, skipping over strings. */
    private int closingParenthesis(int start, int open) {
        int depth = 0;
        int i = open;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int end = text.indexOf(c, i + 1);
                while (end > 0 && text.charAt(end - 1) == '\\' && !endsEscapedBackslashes(i + 1, end)) {
                    end = text.indexOf(c, end + 1);
                }
                if (end < 0) {
                    break;
                }
                i = end + 1;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    if (c != ')') {
                        break;
                    }
                    return i;
                }
            }
            i++;
        }
        throw source.error(start, open + 1, "the dynamic literal is not closed: unbalanced brackets or an unterminated string");
    }

    private boolean endsEscapedBackslashes(int from, int quote) {
        int backslashes = 0;
        for (int k = quote - 1; k >= from && text.charAt(k) == '\\'; k--) {
            backslashes++;
        }
        return backslashes % 2 == 0;
    }
}
