package dev.adxfed.emulator.engine;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** A format_datetime pattern (yyyy, MM, dd, HH, hh, mm, ss, f..fffffff, F..FFFFFFF, tt and separators), parsed once. */
final class DatetimeFormat {
    private final List<String> tokens;

    private DatetimeFormat(List<String> tokens) {
        this.tokens = tokens;
    }

    static DatetimeFormat parse(String pattern) {
        return new DatetimeFormat(FormatPattern.tokens("format_datetime", pattern, run -> switch (run.charAt(0)) {
            case 'd', 'h', 'H', 'm', 'M', 's' -> run.length() <= 2;
            case 'y' -> run.length() <= 4;
            case 'f', 'F' -> run.length() <= 7;
            case 't' -> run.length() == 2;
            default -> false;
        }));
    }

    String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder();
        for (String token : tokens) {
            int n = token.length();
            switch (token.charAt(0)) {
                case 'd' -> FormatPattern.pad(sb, t.getDayOfMonth(), n);
                case 'M' -> FormatPattern.pad(sb, t.getMonthValue(), n);
                case 'y' -> {
                    if (n == 1) {
                        sb.append(t.getYear() % 100);
                    } else if (n == 2) {
                        FormatPattern.pad(sb, t.getYear() % 100, 2);
                    } else {
                        FormatPattern.pad(sb, t.getYear(), n);
                    }
                }
                case 'H' -> FormatPattern.pad(sb, t.getHour(), n);
                case 'h' -> FormatPattern.pad(sb, t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, n);
                case 'm' -> FormatPattern.pad(sb, t.getMinute(), n);
                case 's' -> FormatPattern.pad(sb, t.getSecond(), n);
                case 't' -> sb.append(t.getHour() < 12 ? "AM" : "PM");
                case 'f', 'F' -> FormatPattern.fraction(sb, t.getNano(), token);
                default -> sb.append(token);
            }
        }
        return sb.toString();
    }
}
