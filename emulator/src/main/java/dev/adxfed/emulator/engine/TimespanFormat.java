package dev.adxfed.emulator.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A format_timespan pattern, parsed once: {@code d} to {@code dddddddd} (whole days), {@code h}/{@code hh} and
 * {@code H}/{@code HH} (hours of the day), {@code m}/{@code mm}, {@code s}/{@code ss}, {@code f..fffffff} and
 * {@code F..FFFFFFF} (fractions, F without trailing zeros), and the delimiters Kusto documents. A negative
 * timespan is written with a leading {@code -}.
 */
final class TimespanFormat {
    private static final String DELIMITERS = " /-:,._[]";
    private final List<String> tokens;

    private TimespanFormat(List<String> tokens) {
        this.tokens = tokens;
    }

    static TimespanFormat parse(String pattern) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int j = i;
            while (j < pattern.length() && pattern.charAt(j) == c) {
                j++;
            }
            String run = pattern.substring(i, j);
            boolean known = switch (c) {
                case 'd' -> run.length() <= 8;
                case 'h', 'H', 'm', 's' -> run.length() <= 2;
                case 'f', 'F' -> run.length() <= 7;
                default -> DELIMITERS.indexOf(c) >= 0;
            };
            if (!known) {
                throw SemanticErrors.type("format_timespan: unsupported format '" + run + "' at position " + i + " of '" + pattern + "'");
            }
            tokens.add(run);
            i = j;
        }
        return new TimespanFormat(tokens);
    }

    String format(Duration value) {
        Duration d = value.abs();
        StringBuilder sb = new StringBuilder(value.isNegative() ? "-" : "");
        for (String token : tokens) {
            int n = token.length();
            switch (token.charAt(0)) {
                case 'd' -> pad(sb, d.toDays(), n);
                case 'h', 'H' -> pad(sb, d.toHoursPart(), n);
                case 'm' -> pad(sb, d.toMinutesPart(), n);
                case 's' -> pad(sb, d.toSecondsPart(), n);
                case 'f', 'F' -> {
                    String digits = String.format(Locale.ROOT, "%09d", d.toNanosPart()).substring(0, n);
                    sb.append(token.charAt(0) == 'F' ? digits.replaceAll("0+$", "") : digits);
                }
                default -> sb.append(token);
            }
        }
        return sb.toString();
    }

    private static void pad(StringBuilder sb, long value, int width) {
        String s = Long.toString(value);
        sb.append("0".repeat(Math.max(0, width - s.length()))).append(s);
    }
}
