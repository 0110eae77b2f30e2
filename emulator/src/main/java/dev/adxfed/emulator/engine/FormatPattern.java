package dev.adxfed.emulator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The shared grammar of format_datetime and format_timespan patterns: runs of one letter ({@code yyyy}, {@code ff})
 * and the delimiters Kusto documents, read once per query.
 */
final class FormatPattern {
    private static final String DELIMITERS = " /-:,._[]";

    private FormatPattern() {
    }

    /**
     * @param specifier whether a run of one letter is a specifier the function knows
     * @throws dev.adxfed.emulator.KustoError naming the first run that is neither a specifier nor a delimiter
     */
    static List<String> tokens(String function, String pattern, Predicate<String> specifier) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int j = i;
            while (j < pattern.length() && pattern.charAt(j) == c) {
                j++;
            }
            String run = pattern.substring(i, j);
            if (!specifier.test(run) && DELIMITERS.indexOf(c) < 0) {
                throw SemanticErrors.type(function + ": unsupported format '" + run + "' at position " + i + " of '" + pattern + "'");
            }
            tokens.add(run);
            i = j;
        }
        return tokens;
    }

    static void pad(StringBuilder sb, long value, int width) {
        String s = Long.toString(value);
        sb.append("0".repeat(Math.max(0, width - s.length()))).append(s);
    }

    /** {@code f..fffffff}: that many digits of the fraction; {@code F..FFFFFFF}: the same without trailing zeros. */
    static void fraction(StringBuilder sb, int nanos, String token) {
        String digits = String.format(Locale.ROOT, "%09d", nanos).substring(0, token.length());
        sb.append(token.charAt(0) == 'F' ? digits.replaceAll("0+$", "") : digits);
    }
}
