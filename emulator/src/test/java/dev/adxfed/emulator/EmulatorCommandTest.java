package dev.adxfed.emulator;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class EmulatorCommandTest {

    @Test
    void badOptionsAreUsageErrorsThatSayWhatIsWrong() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new EmulatorCommand()).setErr(new PrintWriter(err));

        assertThat(cli.execute("--clusters", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--clusters must be at least 1, got 0");

        assertThat(cli.execute("--config", "/no/such/file.yaml")).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read --config /no/such/file.yaml");
    }

    @Test
    void helpListsEveryOption() {
        StringWriter out = new StringWriter();
        new CommandLine(new EmulatorCommand()).setOut(new PrintWriter(out)).execute("--help");
        assertThat(out.toString()).contains("--clusters=N", "--config=FILE", "--data-dir=DIR", "--port=PORT");
    }
}
