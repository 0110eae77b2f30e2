package dev.adxfed.operator.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations the way ADXCluster's heartbeatTTL writes them: {@code 90s}, {@code 10m}, {@code 1h30m}. */
final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern FORM = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    @Override
    public Duration convert(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (text.isBlank() || !m.matches()) {
            throw new TypeConversionException("'" + text + "' is not a duration such as 30s, 10m or 1h30m");
        }
        Duration d = Duration.ofHours(part(m.group(1))).plusMinutes(part(m.group(2))).plusSeconds(part(m.group(3)));
        if (d.isZero()) {
            throw new TypeConversionException("'" + text + "' is zero; give a positive duration such as 30s");
        }
        return d;
    }

    private static long part(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
