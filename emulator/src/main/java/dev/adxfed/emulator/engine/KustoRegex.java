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

    /**
     * RE2's {@code U} flag: every quantifier's greediness swapped ({@code .*} lazy, {@code .*?} greedy), which Java
     * has no flag for. Escapes and character classes are copied as they are.
     */
    static String ungreedy(String regex) {
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                out.append(c).append(regex.charAt(++i));
                continue;
            }
            out.append(c);
            if (inClass) {
                inClass = c != ']';
                continue;
            }
            if (c == '[') {
                inClass = true;
                continue;
            }
            boolean quantifier = c == '*' || c == '+' || c == '}' || (c == '?' && i > 0 && regex.charAt(i - 1) != '(');
            if (!quantifier) {
                continue;
            }
            if (i + 1 < regex.length() && regex.charAt(i + 1) == '?') {
                i++;
            } else {
                out.append('?');
            }
        }
        return out.toString();
    }
}
