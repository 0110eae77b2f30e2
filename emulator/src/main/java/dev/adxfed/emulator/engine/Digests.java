package dev.adxfed.emulator.engine;

import dev.adxfed.emulator.catalog.ValueText;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import static dev.adxfed.emulator.catalog.ScalarType.STRING;

/**
 * {@code hash_sha256(source)} and {@code hash_md5(source)}: the lowercase hex digest of the UTF-8 bytes of the
 * value's text. A datetime hashes its text with seven fraction digits, which reproduces Kusto's documented
 * {@code hash_sha256(datetime(2020-01-01))}; the empty string hashes the empty input; a null of another type
 * gives null.
 */
final class Digests {
    private static final HexFormat HEX = HexFormat.of();

    private Digests() {
    }

    static void register(Map<String, ScalarFunction> functions) {
        functions.put("hash_sha256", call -> bind(call, "SHA-256"));
        functions.put("hash_md5", call -> bind(call, "MD5"));
    }

    private static ScalarExpression bind(FunctionCall call, String algorithm) {
        call.arity(1, 1);
        ScalarExpression.Evaluator source = call.arg(0).evaluator();
        boolean text = call.arg(0).type() == STRING;
        return call.result(STRING, row -> {
            Object v = source.evaluate(row);
            if (v == null && !text) {
                return null;
            }
            String s = v instanceof Instant i ? ValueText.datetime(i) : ScalarText.format(v);
            return HEX.formatHex(digest(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
        });
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }
}
