package dev.adxfed.operator.cli;

import dev.adxfed.emulator.EmulatorCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.util.Locale;

/** The {@code adxfed} command line: one entry point for every subcommand. */
@Command(name = "adxfed", mixinStandardHelpOptions = true, version = "adxfed 0.1.0-SNAPSHOT",
        description = "Federates Azure Data Explorer (Kusto) clusters; runs a local Kusto emulator.",
        subcommands = {CommandLine.HelpCommand.class, DemoCommand.class, EmulatorCommand.class, QueryCommand.class,
                SyncCommand.class, PlanCommand.class, StatusCommand.class, OperatorCommand.class, BenchCommand.class})
public final class Adxfed {

    private static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    @Option(names = FailureReport.VERBOSE, scope = ScopeType.INHERIT,
            description = "Print stack traces with errors.")
    private boolean verbose;

    /** Must run before the first logger is created, which is after parsing and before any subcommand's work. */
    @Option(names = "--log-level", scope = ScopeType.INHERIT, paramLabel = "LEVEL", converter = LogLevelConverter.class,
            description = "Log level: error, warn, info, debug or trace (default: warn).")
    void logLevel(LogLevel level) {
        System.setProperty(LOG_LEVEL_PROPERTY, level.name().toLowerCase(Locale.ROOT));
    }

    enum LogLevel { ERROR, WARN, INFO, DEBUG, TRACE }

    /** Case-insensitive, so that deployment files can say {@code --log-level=info}. */
    static final class LogLevelConverter implements CommandLine.ITypeConverter<LogLevel> {
        @Override
        public LogLevel convert(String text) {
            try {
                return LogLevel.valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not one of error, warn, info, debug, trace");
            }
        }
    }

    /** The command line with adxfed's error reporting; tests call {@code execute} on it. */
    public static CommandLine commandLine() {
        FailureReport report = new FailureReport();
        return new CommandLine(new Adxfed())
                .setExecutionExceptionHandler(report)
                .setParameterExceptionHandler(report);
    }

    public static void main(String[] args) {
        if (System.getProperty(LOG_LEVEL_PROPERTY) == null) {
            System.setProperty(LOG_LEVEL_PROPERTY, "warn");
        }
        System.exit(commandLine().execute(args));
    }
}
