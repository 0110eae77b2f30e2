package dev.adxfed.devtools;

import dev.adxfed.emulator.EmulatorCommand;
import dev.adxfed.operator.cli.Adxfed;
import picocli.CommandLine;

/**
 * The command line of the {@code ./adxfed} launcher: every command of the operator's, which it takes as
 * the operator jar lists them, plus the developer commands that run the emulator in process.
 */
public final class AdxfedDev {

    private static final Class<?>[] DEVELOPER_COMMANDS = {DemoCommand.class, EmulatorCommand.class, BenchCommand.class};

    private AdxfedDev() {}

    /** The launcher's command line with adxfed's error reporting; tests call {@code execute} on it. */
    static CommandLine commandLine() {
        return Adxfed.commandLine(DEVELOPER_COMMANDS);
    }

    public static void main(String[] args) {
        Adxfed.run(args, DEVELOPER_COMMANDS);
    }
}
