package dev.adxfed.operator.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;

/**
 * How every subcommand reports errors: one line saying what went wrong, a hint, and the stack
 * trace only with {@code --verbose}.
 */
final class FailureReport implements IExecutionExceptionHandler, IParameterExceptionHandler {

    static final String VERBOSE = "--verbose";

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        boolean verbose = verbose(parsed);
        int code;
        if (e instanceof CommandFailure failure) {
            err.println(prefix(command) + failure.getMessage());
            code = failure.exitCode();
        } else {
            err.println(prefix(command) + "unexpected error: " + e);
            code = CommandFailure.FAILED;
        }
        if (verbose) {
            e.printStackTrace(err);
        } else if (!(e instanceof CommandFailure)) {
            err.println("Run again with " + VERBOSE + " to see the stack trace.");
        }
        err.flush();
        return code;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(prefix(command) + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            err.println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
        }
        err.flush();
        return CommandFailure.USAGE;
    }

    private static String prefix(CommandLine command) {
        return command.getCommandSpec().qualifiedName() + ": ";
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(VERBOSE)) {
                return true;
            }
        }
        return false;
    }
}
