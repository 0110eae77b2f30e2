package dev.adxfed.operator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.util.Locale;
import java.util.Set;

/**
 * The {@code adxfed} command line of the operator and its hub-facing commands, which is all the operator
 * image holds. The developer launcher (devtools) passes its own commands to {@link #commandLine(Object...)},
 * so a command listed here is in both.
 */
@Command(name = "adxfed", mixinStandardHelpOptions = true, version = "adxfed 0.1.0-SNAPSHOT",
        description = "Federates Azure Data Explorer (Kusto) clusters.",
        subcommands = {CommandLine.HelpCommand.class, QueryCommand.class, SyncCommand.class, PlanCommand.class,
                StatusCommand.class, OperatorCommand.class})
public final class Adxfed {

    @Option(names = FailureReport.VERBOSE, scope = ScopeType.INHERIT,
            description = "Print stack traces with errors.")
    private boolean verbose;

    @Option(names = "--log-level", scope = ScopeType.INHERIT, paramLabel = "LEVEL", converter = LogLevelConverter.class,
            description = "Log level: error, warn, info, debug or trace (default: warn; error for sync, plan, status and"
                    + " query, which print every failure themselves).")
    void logLevel(LogLevel level) {
        Logging.level(level);
    }

    enum LogLevel { ERROR, WARN, INFO, DEBUG, TRACE }

    /** The commands whose output names every failure they meet. */
    private static final Set<String> REPORTING_COMMANDS = Set.of("sync", "plan", "status", "query");

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

    /**
     * The command line with adxfed's error reporting, and {@code moreSubcommands} (picocli command classes)
     * after the operator's own; tests call {@code execute} on it.
     */
    public static CommandLine commandLine(Class<?>... moreSubcommands) {
        CommandLine cli = new CommandLine(new Adxfed());
        for (Class<?> command : moreSubcommands) {
            cli.addSubcommand(command);
        }
        // Set after the subcommands are added: picocli gives handlers only to the subcommands present.
        FailureReport report = new FailureReport();
        return cli.setExecutionExceptionHandler(report).setParameterExceptionHandler(report)
                .setExecutionStrategy(Adxfed::sayEachFailureOnce);
    }

    /**
     * sync, plan, status and query print every failure themselves: unless {@code --log-level} says otherwise,
     * their log keeps to errors, so that a failure is not said a second time as a WARN line on stderr.
     */
    private static int sayEachFailureOnce(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult last = parsed;
        boolean levelGiven = parsed.hasMatchedOption("--log-level");
        while (last.hasSubcommand()) {
            last = last.subcommand();
            levelGiven |= last.hasMatchedOption("--log-level");
        }
        if (!levelGiven && REPORTING_COMMANDS.contains(last.commandSpec().name())) {
            Logging.level(LogLevel.ERROR);
            Logging.quietAzureSdk();
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /** Runs {@code args} and exits with their code (logback.xml logs warnings unless --log-level says otherwise). */
    public static void run(String[] args, Class<?>... moreSubcommands) {
        System.exit(commandLine(moreSubcommands).execute(args));
    }

    public static void main(String[] args) {
        run(args);
    }
}
