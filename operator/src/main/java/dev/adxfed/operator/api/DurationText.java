package dev.adxfed.operator.api;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as an ADXCluster and the command line write them: hours, minutes and seconds such as
 * {@code 90s}, {@code 10m} or {@code 1h30m}; printed the same way, never as ISO-8601.
 */
public final class DurationText {

    /** The words every refusal of a duration uses, on the command line and in Kubernetes alike. */
    public static final String EXPECTED = "hours, minutes and seconds like 30s, 10m or 1h30m";

    private static final Pattern FORM = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private DurationText() {}

    /** @throws IllegalArgumentException saying why the text is not a duration (malformed, or zero) */
    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (text == null || text.isBlank() || !m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not " + EXPECTED);
        }
        Duration d = Duration.ofHours(part(m.group(1))).plusMinutes(part(m.group(2))).plusSeconds(part(m.group(3)));
        if (d.isZero()) {
            throw new IllegalArgumentException("'" + text + "' is zero; give a positive duration like 1h");
        }
        return d;
    }

    /** {@code 1h30m}, {@code 45s}, {@code 0s}; sub-second parts are dropped. */
    public static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds == 0) {
            return "0s";
        }
        StringBuilder text = new StringBuilder(seconds < 0 ? "-" : "");
        long abs = Math.abs(seconds);
        append(text, abs / 3600, "h");
        append(text, abs % 3600 / 60, "m");
        append(text, abs % 60, "s");
        return text.toString();
    }

    /** The formatted duration of an optional value, for messages. */
    public static String format(Optional<Duration> duration) {
        return duration.map(DurationText::format).orElse("(none)");
    }

    private static void append(StringBuilder text, long n, String unit) {
        if (n > 0) {
            text.append(n).append(unit);
        }
    }

    private static long part(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
