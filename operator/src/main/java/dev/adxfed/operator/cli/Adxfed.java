package dev.adxfed.operator.cli;

import dev.adxfed.emulator.EmulatorCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code adxfed} command line: one entry point for every subcommand. */
@Command(name = "adxfed", mixinStandardHelpOptions = true, version = "adxfed 0.1.0-SNAPSHOT",
        description = "Federates Azure Data Explorer (Kusto) clusters; runs a local Kusto emulator.",
        subcommands = {CommandLine.HelpCommand.class, EmulatorCommand.class, OperatorCommand.class})
public final class Adxfed {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Adxfed()).execute(args));
    }
}
