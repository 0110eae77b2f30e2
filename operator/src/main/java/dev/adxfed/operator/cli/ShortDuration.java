package dev.adxfed.operator.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations written like heartbeatTTL: {@code 10m}, {@code 1h30m}, {@code 45s}. */
final class ShortDuration implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern SHAPE = Pattern.compile("^(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?$");

    @Override
    public Duration convert(String text) {
        Matcher m = SHAPE.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a duration like 10m, 1h30m or 45s");
        }
        Duration d = Duration.ofHours(number(m.group(1))).plusMinutes(number(m.group(2))).plusSeconds(number(m.group(3)));
        if (d.isZero()) {
            throw new CommandLine.TypeConversionException("'" + text + "' is zero");
        }
        return d;
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
