package dev.adxfed.emulator.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values as text, the way Kusto writes and reads them: in CSV ingestion, in responses (datetime,
 * timespan, guid and decimal travel as strings) and in the data files of {@code --data-dir}.
 */
public final class ValueText {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DATETIME = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern TIMESPAN = Pattern.compile(
            "(-)?(?:(\\d+)\\.)?(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,7}))?)?");
    private static final long TICKS_PER_SECOND = 10_000_000L;

    private ValueText() {}

    /** ISO-8601 in UTC with seven fraction digits, e.g. {@code 2024-05-01T10:00:00.0000000Z}. */
    public static String datetime(Instant value) {
        return DATETIME.format(value);
    }

    /** {@code [-][d.]hh:mm:ss.fffffff}, e.g. {@code 1.02:00:00.0000000}. */
    public static String timespan(Duration value) {
        boolean negative = value.isNegative();
        Duration abs = value.abs();
        long ticks = abs.getSeconds() * TICKS_PER_SECOND + abs.getNano() / 100;
        long totalSeconds = ticks / TICKS_PER_SECOND;
        long fraction = ticks % TICKS_PER_SECOND;
        long days = totalSeconds / 86_400;
        long hours = totalSeconds / 3600 % 24;
        long minutes = totalSeconds / 60 % 60;
        long seconds = totalSeconds % 60;
        return (negative ? "-" : "") + (days > 0 ? days + "." : "")
                + String.format(Locale.ROOT, "%02d:%02d:%02d.%07d", hours, minutes, seconds, fraction);
    }

    /** A value as the text that {@link #parse} reads back; null stays null. */
    public static String format(ScalarType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case DATETIME -> datetime((Instant) value);
            case TIMESPAN -> timespan((Duration) value);
            case DECIMAL -> ((BigDecimal) value).toPlainString();
            default -> value.toString();
        };
    }

    /**
     * Reads a value of {@code type} from text as CSV ingestion does: an empty text is null
     * (an empty string for string columns), anything else must be a valid value of the type.
     *
     * @throws IllegalArgumentException naming the expected type, when the text is not one
     */
    public static Object parse(ScalarType type, String text) {
        if (type == ScalarType.STRING) {
            return text;
        }
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return switch (type) {
                case BOOL -> parseBool(t);
                case INT -> Integer.valueOf(t);
                case LONG -> Long.valueOf(t);
                case REAL -> parseReal(t);
                case DECIMAL -> new BigDecimal(t);
                case DATETIME -> parseDatetime(t);
                case TIMESPAN -> parseTimespan(t);
                case GUID -> UUID.fromString(t);
                case DYNAMIC -> JSON.readTree(t);
                case STRING -> t;
            };
        } catch (NumberFormatException | DateTimeParseException | JsonProcessingException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid " + type.kqlName());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid " + type.kqlName(), e);
        }
    }

    private static Boolean parseBool(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(t);
        };
    }

    private static Double parseReal(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "nan" -> Double.NaN;
            case "inf", "+inf", "infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.valueOf(t);
        };
    }

    private static Instant parseDatetime(String t) {
        String iso = t.replace(' ', 'T');
        if (iso.length() == 10) {
            return LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (iso.endsWith("Z") || iso.endsWith("z") || iso.matches(".*[+-]\\d{2}:\\d{2}$")) {
            return OffsetDateTime.parse(iso.toUpperCase(Locale.ROOT)).toInstant();
        }
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    }

    private static Duration parseTimespan(String t) {
        Matcher m = TIMESPAN.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException(t);
        }
        long days = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        long hours = Long.parseLong(m.group(3));
        long minutes = Long.parseLong(m.group(4));
        long seconds = m.group(5) == null ? 0 : Long.parseLong(m.group(5));
        String fraction = m.group(6) == null ? "" : m.group(6);
        long nanos = fraction.isEmpty() ? 0 : Long.parseLong((fraction + "0000000").substring(0, 7)) * 100;
        if (hours > 23 || minutes > 59 || seconds > 59) {
            throw new IllegalArgumentException(t);
        }
        Duration d = Duration.ofDays(days).plusHours(hours).plusMinutes(minutes).plusSeconds(seconds).plusNanos(nanos);
        return m.group(1) != null ? d.negated() : d;
    }
}
