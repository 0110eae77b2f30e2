package dev.adxfed.emulator.engine;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kusto's text forms of values: what {@code tostring()} and {@code strcat()} print, and the datetime and
 * timespan texts that {@code todatetime()} and {@code totimespan()} read. Kusto counts time in 100 ns ticks.
 */
public final class ScalarText {
    /** Ticks between 0001-01-01 and the Unix epoch, as .NET counts them. */
    static final long EPOCH_TICKS = 621_355_968_000_000_000L;
    static final long NANOS_PER_TICK = 100;

    private static final Pattern ISO_DATETIME = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})"
                    + "(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?"
                    + "\\s*(Z|[+-]\\d{2}:?\\d{2})?");
    /** .NET's invariant-culture date: month/day/year, as in {@code 02/17/2016 08:40:01}. */
    private static final Pattern US_DATETIME = Pattern.compile(
            "(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?");
    private static final Pattern CLOCK_TIMESPAN = Pattern.compile(
            "(-)?(?:(\\d+)\\.)?(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?");
    private static final Pattern UNIT_TIMESPAN = Pattern.compile(
            "(-)?(\\d+(?:\\.\\d+)?)\\s*(d|h|m|s|ms|microsecond|microseconds|tick|ticks|day|days|hour|hours|hr|hrs"
                    + "|minute|minutes|min|second|seconds|sec|millisecond|milliseconds|milli)");

    private ScalarText() {
    }

    /** The text of a value as {@code tostring()} gives it; null becomes the empty string. */
    public static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Instant i) {
            return formatDatetime(i);
        }
        if (value instanceof Duration d) {
            return formatTimespan(d);
        }
        if (value instanceof Double d) {
            return formatReal(d);
        }
        if (value instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (value instanceof JsonNode j) {
            return j.isTextual() ? j.textValue() : j.toString();
        }
        if (value instanceof UUID || value instanceof Boolean || value instanceof Number) {
            return value.toString();
        }
        throw new IllegalArgumentException("not a Kusto value: " + value.getClass().getName());
    }

    /** ISO 8601 in UTC with Z, seven fraction digits when the value has a fraction. */
    public static String formatDatetime(Instant i) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(i.getEpochSecond(), 0, ZoneOffset.UTC);
        String base = String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d",
                t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
        int ticks = i.getNano() / (int) NANOS_PER_TICK;
        return ticks == 0 ? base + "Z" : base + String.format(Locale.ROOT, ".%07dZ", ticks);
    }

    /** {@code [-][d.]hh:mm:ss[.fffffff]}. */
    public static String formatTimespan(Duration d) {
        boolean negative = d.isNegative();
        Duration a = d.abs();
        long days = a.toDays();
        StringBuilder sb = new StringBuilder();
        if (negative) {
            sb.append('-');
        }
        if (days > 0) {
            sb.append(days).append('.');
        }
        sb.append(String.format(Locale.ROOT, "%02d:%02d:%02d", a.toHoursPart(), a.toMinutesPart(), a.toSecondsPart()));
        int ticks = a.toNanosPart() / (int) NANOS_PER_TICK;
        if (ticks != 0) {
            sb.append(String.format(Locale.ROOT, ".%07d", ticks));
        }
        return sb.toString();
    }

    /** Shortest text that reads back to the same double, in .NET's style (1, 0.5, 1E+20, 1.5E-07). */
    public static String formatReal(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return "0";
        }
        BigDecimal b = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = b.precision() - b.scale() - 1;
        if (exponent >= -5 && exponent < 15) {
            return b.toPlainString();
        }
        BigDecimal mantissa = b.movePointLeft(exponent);
        String sign = exponent < 0 ? "-" : "+";
        return mantissa.toPlainString() + "E" + sign + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
    }

    /** Reads ISO 8601 (date, date time, optional fraction and offset), month/day/year or RFC 1123 text; null if none. */
    public static Instant parseDatetime(String text) {
        String s = text.trim();
        Matcher m = ISO_DATETIME.matcher(s);
        Matcher us = US_DATETIME.matcher(s);
        if (us.matches()) {
            try {
                return LocalDateTime.of(Integer.parseInt(us.group(3)), Integer.parseInt(us.group(1)), Integer.parseInt(us.group(2)),
                        us.group(4) == null ? 0 : Integer.parseInt(us.group(4)), us.group(5) == null ? 0 : Integer.parseInt(us.group(5)),
                        us.group(6) == null ? 0 : Integer.parseInt(us.group(6)), fractionNanos(us.group(7))).toInstant(ZoneOffset.UTC);
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        if (m.matches()) {
            try {
                LocalDateTime t = LocalDateTime.of(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
                        m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                        fractionNanos(m.group(7)));
                ZoneOffset offset = m.group(8) == null || m.group(8).equals("Z")
                        ? ZoneOffset.UTC : ZoneOffset.of(m.group(8).length() == 5
                        ? m.group(8).substring(0, 3) + ":" + m.group(8).substring(3) : m.group(8));
                return t.toInstant(offset);
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Reads {@code [-][d.]hh:mm[:ss[.f]]} or a number with a unit (1h, 5m, 1.5d, 100ms); null if neither. */
    public static Duration parseTimespan(String text) {
        String s = text.trim();
        Matcher m = CLOCK_TIMESPAN.matcher(s);
        if (m.matches()) {
            int minutes = Integer.parseInt(m.group(4));
            int seconds = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
            if (minutes > 59 || seconds > 59) {
                return null;
            }
            Duration d = Duration.ofDays(m.group(2) == null ? 0 : Long.parseLong(m.group(2)))
                    .plusHours(Integer.parseInt(m.group(3)))
                    .plusMinutes(minutes)
                    .plusSeconds(seconds)
                    .plusNanos(fractionNanos(m.group(6)));
            return m.group(1) == null ? d : d.negated();
        }
        m = UNIT_TIMESPAN.matcher(s.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            BigDecimal amount = new BigDecimal(m.group(2));
            long unitNanos = switch (m.group(3)) {
                case "d", "day", "days" -> 86_400_000_000_000L;
                case "h", "hour", "hours", "hr", "hrs" -> 3_600_000_000_000L;
                case "m", "minute", "minutes", "min" -> 60_000_000_000L;
                case "s", "second", "seconds", "sec" -> 1_000_000_000L;
                case "ms", "millisecond", "milliseconds", "milli" -> 1_000_000L;
                case "microsecond", "microseconds" -> 1_000L;
                default -> NANOS_PER_TICK;
            };
            long nanos = amount.multiply(BigDecimal.valueOf(unitNanos)).longValue();
            Duration d = Duration.ofNanos(nanos - nanos % NANOS_PER_TICK);
            return m.group(1) == null ? d : d.negated();
        }
        return null;
    }

    /** Nanoseconds of a fraction's digits, cut to whole ticks. */
    private static int fractionNanos(String digits) {
        if (digits == null) {
            return 0;
        }
        String nine = (digits + "000000000").substring(0, 9);
        int nanos = Integer.parseInt(nine);
        return nanos - nanos % (int) NANOS_PER_TICK;
    }

    static long toTicks(Instant i) {
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 10_000_000L), i.getNano() / NANOS_PER_TICK) + EPOCH_TICKS;
    }

    static Instant fromTicks(long ticks) {
        long sinceEpoch = ticks - EPOCH_TICKS;
        return Instant.ofEpochSecond(Math.floorDiv(sinceEpoch, 10_000_000L), Math.floorMod(sinceEpoch, 10_000_000L) * NANOS_PER_TICK);
    }

    static long toTicks(Duration d) {
        return Math.addExact(Math.multiplyExact(d.getSeconds(), 10_000_000L), d.getNano() / NANOS_PER_TICK);
    }

    static Duration timespanOfTicks(long ticks) {
        return Duration.ofSeconds(Math.floorDiv(ticks, 10_000_000L), Math.floorMod(ticks, 10_000_000L) * NANOS_PER_TICK);
    }
}
