package dev.adxfed.operator.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShortDurationTest {

    @Test
    void readsTheSameShapeAsHeartbeatTtl() {
        ShortDuration converter = new ShortDuration();
        assertThat(converter.convert("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(converter.convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThatThrownBy(() -> converter.convert("10")).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessage("'10' is not a duration like 10m, 1h30m or 45s");
        assertThatThrownBy(() -> converter.convert("0s")).hasMessage("'0s' is zero");
    }

    @Test
    void operatorOptionsParseWithTheirDefaults() {
        OperatorCommand command = new OperatorCommand();
        new CommandLine(command).parseArgs("--federation-interval", "2m", "--cluster-labels", "team=obs");
        assertThat(command.heartbeatInterval).isEqualTo(Duration.ofMinutes(10));
        assertThat(command.federationInterval).isEqualTo(Duration.ofMinutes(2));
        assertThat(command.metricsPort).isEqualTo(8080);
    }
}
