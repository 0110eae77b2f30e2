package dev.adxfed.operator.federation;

import dev.adxfed.kql.KqlText;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What two function bodies must share to count as the same: their text with every white space outside
 * string literals and comments taken out, hashed. ADX may re-space a body it stores, so the spacing
 * cannot count; the text of a quoted string or comment is kept as it is, since spacing there is meaning.
 * The hub computes the same value in {@code .show functions} (the regular expression is RE2's and Java's
 * alike), so an unchanged pass downloads no body.
 */
public final class FunctionFingerprint {

    /**
     * A piece kept as written (multi-line, verbatim and escaped string literals, and line comments, in
     * that order, so a quote inside a verbatim string or a comment starts no string) or a run of white space.
     */
    static final String KEPT_OR_SPACE = "(```[\\s\\S]*?```|~~~[\\s\\S]*?~~~|@'[^'\\n]*'|@\"[^\"\\n]*\""
            + "|'(?:[^'\\\\\\n]|\\\\.)*'|\"(?:[^\"\\\\\\n]|\\\\.)*\"|//[^\\n]*)|[\\t\\n\\f\\r ]+";
    private static final Pattern PIECES = Pattern.compile(KEPT_OR_SPACE);

    private FunctionFingerprint() {}

    /** The body without its white space outside strings and comments: what ADX's re-spacing leaves alone. */
    static String canonical(String body) {
        return PIECES.matcher(body).replaceAll("$1");
    }

    /** The lowercase hex SHA-256 of the canonical body's UTF-8 bytes, as Kusto's {@code hash_sha256} gives it. */
    public static String of(String body) {
        return sha256(canonical(body == null ? "" : body));
    }

    /** The same fingerprint as a KQL expression over the {@code Body} column of {@code .show functions}. */
    static String kqlOfBody() {
        return "hash_sha256(replace_regex(Body, " + KqlText.string(KEPT_OR_SPACE) + ", @'\\1'))";
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
