package dev.adxfed.operator.cli;

import dev.adxfed.operator.api.DurationText;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

/** Reads durations the way ADXCluster's heartbeatTTL writes them: {@code 90s}, {@code 10m}, {@code 1h30m}. */
final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String text) {
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
