package dev.adxfed.emulator.engine;

import java.time.Duration;
import java.util.List;

/**
 * A format_timespan pattern, parsed once: {@code d} to {@code dddddddd} (whole days), {@code h}/{@code hh} and
 * {@code H}/{@code HH} (hours of the day), {@code m}/{@code mm}, {@code s}/{@code ss}, {@code f..fffffff} and
 * {@code F..FFFFFFF} (fractions, F without trailing zeros), and the delimiters Kusto documents. A negative
 * timespan is written with a leading {@code -}.
 */
final class TimespanFormat {
    private final List<String> tokens;

    private TimespanFormat(List<String> tokens) {
        this.tokens = tokens;
    }

    static TimespanFormat parse(String pattern) {
        return new TimespanFormat(FormatPattern.tokens("format_timespan", pattern, run -> switch (run.charAt(0)) {
            case 'd' -> run.length() <= 8;
            case 'h', 'H', 'm', 's' -> run.length() <= 2;
            case 'f', 'F' -> run.length() <= 7;
            default -> false;
        }));
    }

    String format(Duration value) {
        Duration d = value.abs();
        StringBuilder sb = new StringBuilder(value.isNegative() ? "-" : "");
        for (String token : tokens) {
            int n = token.length();
            switch (token.charAt(0)) {
                case 'd' -> FormatPattern.pad(sb, d.toDays(), n);
                case 'h', 'H' -> FormatPattern.pad(sb, d.toHoursPart(), n);
                case 'm' -> FormatPattern.pad(sb, d.toMinutesPart(), n);
                case 's' -> FormatPattern.pad(sb, d.toSecondsPart(), n);
                case 'f', 'F' -> FormatPattern.fraction(sb, d.toNanosPart(), token);
                default -> sb.append(token);
            }
        }
        return sb.toString();
    }
}
