package dev.adxfed.kql;

import dev.adxfed.kql.syntax.EntityReference;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes names and values as KQL text that Kusto reads back to exactly the same name or value.
 * Every name and literal that reaches a command or query built by adxfed goes through here,
 * because names and values often come from other clusters and are input, not trusted text.
 */
public final class KqlText {

    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static final long TICKS_PER_SECOND = 10_000_000L;
    private static final long NANOS_PER_TICK = 100L;
    private static final int MAX_ENTITY_NAME_LENGTH = 1024;
    private static final Instant MIN_DATETIME = LocalDateTime.of(1, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
    private static final Instant MAX_DATETIME = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_900)
            .toInstant(ZoneOffset.UTC);

    private KqlText() {}

    /** The name as a bare identifier when Kusto reads it as one, otherwise as {@code ['name']}. */
    public static String identifier(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a KQL name cannot be empty");
        }
        if (PLAIN_IDENTIFIER.matcher(name).matches()
                && !Keywords.needBrackets(name)
                && !name.equalsIgnoreCase("true") && !name.equalsIgnoreCase("false")) {
            return name;
        }
        return "[" + string(name) + "]";
    }

    /**
     * A single-quoted string literal for any Java string. Line breaks, tabs and the other control
     * characters are escaped because a raw line break ends a KQL string; lone surrogates are escaped
     * as {@code \\uXXXX} because they have no UTF-8 form to send.
     */
    public static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || isLoneSurrogate(value, i)) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('\'').toString();
    }

    /** {@code timespan([-][d.]hh:mm:ss.fffffff)}; Kusto counts time in 100 ns ticks. */
    public static String timespan(Duration d) {
        long ticks;
        try {
            ticks = Math.addExact(Math.multiplyExact(d.getSeconds(), TICKS_PER_SECOND), d.getNano() / NANOS_PER_TICK);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the duration " + d + " is beyond Kusto's timespan range", e);
        }
        if (d.getNano() % NANOS_PER_TICK != 0) {
            throw new IllegalArgumentException("the duration " + d + " is finer than Kusto's 100 ns tick");
        }
        // Long.MIN_VALUE ticks cannot be negated; Kusto's own minimum timespan is one tick above it.
        if (ticks == Long.MIN_VALUE) {
            throw new IllegalArgumentException("the duration " + d + " is beyond Kusto's timespan range");
        }
        StringBuilder out = new StringBuilder("timespan(");
        if (ticks < 0) {
            out.append('-');
        }
        long abs = Math.abs(ticks);
        long fraction = abs % TICKS_PER_SECOND;
        long totalSeconds = abs / TICKS_PER_SECOND;
        long days = totalSeconds / 86_400;
        long hours = totalSeconds / 3_600 % 24;
        long minutes = totalSeconds / 60 % 60;
        long seconds = totalSeconds % 60;
        if (days > 0) {
            out.append(days).append('.');
        }
        return out.append(String.format(Locale.ROOT, "%02d:%02d:%02d.%07d)", hours, minutes, seconds, fraction))
                .toString();
    }

    /** {@code datetime(yyyy-MM-ddTHH:mm:ss.fffffffZ)} in UTC, within Kusto's years 1 to 9999. */
    public static String datetime(Instant t) {
        if (t.isBefore(MIN_DATETIME) || t.isAfter(MAX_DATETIME)) {
            throw new IllegalArgumentException("the instant " + t + " is outside Kusto's datetime range (years 1 to 9999)");
        }
        if (t.getNano() % NANOS_PER_TICK != 0) {
            throw new IllegalArgumentException("the instant " + t + " is finer than Kusto's 100 ns tick");
        }
        LocalDateTime utc = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        return String.format(Locale.ROOT, "datetime(%04d-%02d-%02dT%02d:%02d:%02d.%07dZ)",
                utc.getYear(), utc.getMonthValue(), utc.getDayOfMonth(),
                utc.getHour(), utc.getMinute(), utc.getSecond(), utc.getNano() / NANOS_PER_TICK);
    }

    /** {@code cluster('endpoint').database('name')}: one member of an entity group. */
    public static String entity(String clusterEndpoint, String database) {
        return "cluster(" + string(clusterEndpoint) + ").database(" + string(database) + ")";
    }

    /** The reference as KQL text, as {@code .show entity_groups} lists it; it parses back to an equal reference. */
    public static String entity(EntityReference reference) {
        if (reference.database() == null) {
            return "cluster(" + string(reference.cluster()) + ")";
        }
        return reference.cluster() == null ? "database(" + string(reference.database()) + ")"
                : entity(reference.cluster(), reference.database());
    }

    /**
     * Kusto's rules for naming databases, tables, columns, functions and entity groups: 1 to 1024
     * characters, letters, digits, {@code _}, space, {@code .} and {@code -}; names starting or ending
     * with {@code __} are reserved for Kusto. Leading or trailing spaces are refused too: such names
     * look identical to their trimmed form in every listing.
     */
    public static boolean isValidEntityName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_ENTITY_NAME_LENGTH) {
            return false;
        }
        if (name.startsWith("__") || name.endsWith("__") || name.startsWith(" ") || name.endsWith(" ")) {
            return false;
        }
        return name.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == ' ' || c == '.' || c == '-');
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
