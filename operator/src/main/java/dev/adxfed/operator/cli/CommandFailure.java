package dev.adxfed.operator.cli;

/**
 * A failure the user can act on: its message is printed as is (no stack trace unless
 * {@code --verbose}) and the process exits with its code.
 */
public final class CommandFailure extends RuntimeException {

    /** Something failed: a Kusto error, a failed stage, a bad file. */
    public static final int FAILED = 1;
    /** The command line itself was wrong (picocli's own code for usage errors). */
    static final int USAGE = 2;
    /** A Kusto endpoint could not be reached at all. */
    static final int UNREACHABLE = 3;
    /** A hub has no heartbeat table yet: its first sync (or the operator's first pass) sets it up. */
    static final int NOT_SET_UP = 4;

    private final int exitCode;

    public CommandFailure(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public CommandFailure(String message, int exitCode) {
        this(message, exitCode, null);
    }

    int exitCode() {
        return exitCode;
    }
}
