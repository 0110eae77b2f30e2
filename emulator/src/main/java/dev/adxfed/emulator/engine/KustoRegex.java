package dev.adxfed.emulator.engine;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Kusto's regular expressions (RE2 syntax) as Java patterns. RE2's named groups {@code (?P<name>...)} and
 * back references {@code (?P=name)} are rewritten to Java's spelling; the rest of RE2 means the same in Java.
 */
final class KustoRegex {
    private KustoRegex() {
    }

    /**
     * @param where what uses the pattern, for the error, e.g. {@code Function 'extract'}
     * @throws dev.adxfed.emulator.KustoError naming the pattern when it is not a valid regular expression
     */
    static Pattern compile(String where, String regex) {
        String java = regex.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>");
        try {
            return Pattern.compile(java);
        } catch (PatternSyntaxException e) {
            throw SemanticErrors.type(where + ": invalid regular expression '" + regex + "': " + e.getDescription());
        }
    }
}
