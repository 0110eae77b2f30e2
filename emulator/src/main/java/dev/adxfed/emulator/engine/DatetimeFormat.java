package dev.adxfed.emulator.engine;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A format_datetime pattern (yyyy, MM, dd, HH, hh, mm, ss, f..fffffff, F..FFFFFFF, tt and separators), parsed once. */
final class DatetimeFormat {
    private static final String SEPARATORS = " /-:,._[]";
    private final List<String> tokens;

    private DatetimeFormat(List<String> tokens) {
        this.tokens = tokens;
    }

    static DatetimeFormat parse(String pattern) {
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
                case 'd', 'h', 'H', 'm', 'M', 's' -> run.length() <= 2;
                case 'y' -> run.length() <= 4;
                case 'f', 'F' -> run.length() <= 7;
                case 't' -> run.length() == 2;
                default -> SEPARATORS.indexOf(c) >= 0;
            };
            if (!known) {
                throw SemanticErrors.type("format_datetime: unsupported format '" + run + "' at position " + i + " of '" + pattern + "'");
            }
            tokens.add(run);
            i = j;
        }
        return new DatetimeFormat(tokens);
    }

    String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder();
        for (String token : tokens) {
            int n = token.length();
            switch (token.charAt(0)) {
                case 'd' -> pad(sb, t.getDayOfMonth(), n);
                case 'M' -> pad(sb, t.getMonthValue(), n);
                case 'y' -> {
                    if (n == 1) {
                        sb.append(t.getYear() % 100);
                    } else if (n == 2) {
                        pad(sb, t.getYear() % 100, 2);
                    } else {
                        pad(sb, t.getYear(), n);
                    }
                }
                case 'H' -> pad(sb, t.getHour(), n);
                case 'h' -> pad(sb, t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, n);
                case 'm' -> pad(sb, t.getMinute(), n);
                case 's' -> pad(sb, t.getSecond(), n);
                case 't' -> sb.append(t.getHour() < 12 ? "AM" : "PM");
                case 'f', 'F' -> {
                    String digits = String.format(Locale.ROOT, "%09d", t.getNano()).substring(0, n);
                    if (token.charAt(0) == 'F') {
                        digits = digits.replaceAll("0+$", "");
                    }
                    sb.append(digits);
                }
                default -> sb.append(token);
            }
        }
        return sb.toString();
    }

    private static void pad(StringBuilder sb, int value, int width) {
        String s = Integer.toString(value);
        sb.append("0".repeat(Math.max(0, width - s.length()))).append(s);
    }
}
