package dev.adxfed.operator.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of an adxfed command line with its output captured, as a user would see it. */
public record Run(int exitCode, String out, String err) {

    static Run adxfed(String... args) {
        return of(Adxfed.commandLine(), args);
    }

    /** {@code args} run on {@code cli}, such as the developer launcher's command line. */
    public static Run of(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
