package dev.esnetpol.cli;

import dev.esnetpol.input.InvalidInputException;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Turns an exception that escaped a subcommand into a message a user can act on: bad input lists every
 * problem with file and field; anything else gets one line. Stack traces only with {@code --verbose}.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        boolean verbose = parsed.hasMatchedOption("--verbose")
                || (parsed.subcommand() != null && hasVerbose(parsed.subcommand()));
        if (ex instanceof InvalidInputException invalid) {
            invalid.problems().forEach(p -> err.println("error: " + p));
        } else {
            err.println("error: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
        }
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.ERROR;
    }

    private static boolean hasVerbose(CommandLine.ParseResult parsed) {
        return parsed.hasMatchedOption("--verbose") || (parsed.subcommand() != null && hasVerbose(parsed.subcommand()));
    }
}
