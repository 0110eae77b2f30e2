package dev.adxfed.kql;

import dev.adxfed.kql.syntax.LiteralType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decodes the content of literals written as {@code type(content)}, such as {@code datetime(2026-01-01)}. */
final class Literals {

    record Typed(LiteralType type, Object value) {}

    private static final long TICKS_PER_SECOND = 10_000_000L;
    private static final Pattern TIME_OF_DAY = Pattern.compile(
            "(-)?(?:(\\d+)\\.)?(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,7}))?)?");
    private static final Pattern DATETIME_PARTS = Pattern.compile(
            "\\d{1,4}\\s*,\\s*\\d{1,2}\\s*,\\s*\\d{1,2}(?:\\s*,\\s*\\d{1,2}(?:\\s*,\\s*\\d{1,2}(?:\\s*,\\s*\\d{1,2}(?:\\.\\d+)?)?)?)?");
    private static final Pattern ISO_DATETIME = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,7}))?)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?");

    private Literals() {}

    static Duration durationOfTicks(long ticks) {
        return Duration.ofSeconds(Math.floorDiv(ticks, TICKS_PER_SECOND), Math.floorMod(ticks, TICKS_PER_SECOND) * 100);
    }

    static Typed parse(String type, String content) {
        boolean isNull = content.equals("null");
        return switch (type) {
            case "datetime", "date" -> new Typed(LiteralType.DATETIME, isNull ? null : datetime(content));
            case "timespan", "time" -> new Typed(LiteralType.TIMESPAN, isNull ? null : timespan(content));
            case "guid" -> new Typed(LiteralType.GUID, isNull ? null : guid(content));
            case "dynamic" -> new Typed(LiteralType.DYNAMIC, dynamic(content));
            case "int" -> new Typed(LiteralType.INT, isNull ? null : integer(content));
            case "long" -> new Typed(LiteralType.LONG, isNull ? null : longValue(content));
            case "real", "double" -> new Typed(LiteralType.REAL, isNull ? null : real(content));
            case "decimal" -> new Typed(LiteralType.DECIMAL, isNull ? null : decimal(content));
            case "bool", "boolean" -> new Typed(LiteralType.BOOL, isNull ? null : bool(content));
            default -> throw new IllegalArgumentException("unknown literal type " + type);
        };
    }

    private static Instant datetime(String written) {
        String content = unquoted(written);
        Matcher parts = DATETIME_PARTS.matcher(content);
        if (parts.matches()) {
            return datetimeOfParts(content);
        }
        Matcher m = ISO_DATETIME.matcher(content);
        if (m.matches()) {
            try {
                LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT : LocalTime.of(
                        Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                        m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "000000000").substring(0, 9)));
                ZoneOffset offset = m.group(8) == null || m.group(8).equals("Z") ? ZoneOffset.UTC
                        : ZoneOffset.of(m.group(8).length() == 5 ? m.group(8).substring(0, 3) + ":" + m.group(8).substring(3) : m.group(8));
                return LocalDateTime.of(date, time).atOffset(offset).toInstant();
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException("datetime(" + content + ") is not a valid date and time: " + e.getMessage());
            }
        }
        try {
            return OffsetDateTime.parse(content, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("datetime(" + content + ") is not a valid datetime: write it as ISO 8601, "
                    + "e.g. datetime(2026-11-25T12:00:00Z)");
        }
    }

    /** {@code datetime("2015-01-01")} and {@code datetime('...')} mean what the bare form means. */
    private static String unquoted(String content) {
        if (content.length() >= 2 && (content.charAt(0) == '"' || content.charAt(0) == '\'')
                && content.charAt(content.length() - 1) == content.charAt(0)) {
            return content.substring(1, content.length() - 1).strip();
        }
        return content;
    }

    /** {@code datetime(2025, 6, 1)} up to {@code datetime(2025, 6, 1, 13, 30, 15.5)}: year, month, day and optionally the time. */
    private static Instant datetimeOfParts(String content) {
        String[] p = content.split("\\s*,\\s*");
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            int hour = p.length > 3 ? Integer.parseInt(p[3]) : 0;
            int minute = p.length > 4 ? Integer.parseInt(p[4]) : 0;
            BigDecimal seconds = p.length > 5 ? new BigDecimal(p[5]) : BigDecimal.ZERO;
            LocalTime time = LocalTime.of(hour, minute, seconds.intValue(),
                    seconds.subtract(new BigDecimal(seconds.intValue())).movePointRight(9).intValue());
            return LocalDateTime.of(date, time).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("datetime(" + content + ") is not a valid date and time: " + e.getMessage());
        }
    }

    private static Duration timespan(String content) {
        Matcher m = TIME_OF_DAY.matcher(content);
        if (m.matches()) {
            long days = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
            long hours = Long.parseLong(m.group(3));
            long minutes = Long.parseLong(m.group(4));
            long seconds = m.group(5) == null ? 0 : Long.parseLong(m.group(5));
            long fraction = m.group(6) == null ? 0 : Long.parseLong((m.group(6) + "0000000").substring(0, 7));
            if (hours > 23 || minutes > 59 || seconds > 59) {
                throw new IllegalArgumentException("timespan(" + content + ") has hours, minutes or seconds out of range");
            }
            long ticks = (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * TICKS_PER_SECOND + fraction;
            return durationOfTicks(m.group(1) != null ? -ticks : ticks);
        }
        if (content.matches("-?\\d+(\\.\\d+)?")) {
            // A bare number counts days, as in Kusto.
            BigDecimal ticks = new BigDecimal(content).multiply(BigDecimal.valueOf(86_400 * TICKS_PER_SECOND));
            return durationOfTicks(ticks.longValue());
        }
        if (content.matches("-?\\d+(\\.\\d+)?[A-Za-z]+")) {
            boolean negative = content.startsWith("-");
            SourceText inner = new SourceText(negative ? content.substring(1) : content);
            try {
                var tokens = Lexer.tokenize(inner);
                if (tokens.size() == 2 && tokens.get(0).literalType() == LiteralType.TIMESPAN) {
                    Duration d = (Duration) tokens.get(0).value();
                    return negative ? d.negated() : d;
                }
            } catch (KqlSyntaxException e) {
                // falls through to the error below, which names the whole literal
            }
        }
        throw new IllegalArgumentException("timespan(" + content + ") is not a valid timespan: write it as [d.]hh:mm:ss[.fffffff] or 1h, 30m, ...");
    }

    private static UUID guid(String content) {
        String hex = content.replace("-", "");
        if (!hex.matches("[0-9a-fA-F]{32}") || !(content.length() == 32 || content.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"))) {
            throw new IllegalArgumentException("guid(" + content + ") is not a valid guid");
        }
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
    }

    private static String dynamic(String content) {
        if (content.isEmpty()) {
            throw new IllegalArgumentException("dynamic() needs a value: a JSON object, array, number, string or null");
        }
        DynamicLiteral.check(content);
        return content;
    }

    private static Integer integer(String content) {
        try {
            return Integer.valueOf(content.startsWith("+") ? content.substring(1) : content);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("int(" + content + ") is not a valid int");
        }
    }

    private static Long longValue(String content) {
        try {
            return Long.valueOf(content.startsWith("+") ? content.substring(1) : content);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("long(" + content + ") is not a valid long");
        }
    }

    private static Double real(String content) {
        switch (content) {
            case "nan":
                return Double.NaN;
            case "inf", "+inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.valueOf(content);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("real(" + content + ") is not a valid real");
                }
        }
    }

    private static BigDecimal decimal(String content) {
        try {
            return new BigDecimal(content);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("decimal(" + content + ") is not a valid decimal");
        }
    }

    private static Boolean bool(String content) {
        if (content.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (content.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("bool(" + content + ") is not true, false or null");
    }
}
