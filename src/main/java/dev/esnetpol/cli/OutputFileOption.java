package dev.esnetpol.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code --output-file FILE} on every command that writes a report: what the command would print on standard
 * output goes to FILE, written whole or not at all. The output is streamed to a temporary file beside FILE and
 * moved over it when the command ends without an error (exit 0 or 1); on an error (exit 2) FILE is left as it
 * was. Long name only: {@code -o} is the output format everywhere, as in kubectl.
 */
final class OutputFileOption {

    static final String NAME = "--output-file";

    @Option(names = NAME, paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output: whole, or not at all on an error (exit 2).")
    Path file;

    /** picocli's execution strategy with {@code --output-file} applied to the subcommand that runs. */
    static int execute(ParseResult parsed) {
        ParseResult last = parsed;
        while (last.subcommand() != null) {
            last = last.subcommand();
        }
        Path file = last.hasMatchedOption(NAME) ? last.matchedOptionValue(NAME, null) : null;
        if (file == null) {
            return new CommandLine.RunLast().execute(parsed);
        }
        CommandLine command = last.commandSpec().commandLine();
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(command, NAME + ": directory " + dir + " does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new CommandLine.ParameterException(command, NAME + ": " + file + " is a directory");
        }
        PrintWriter previous = command.getOut();
        Path temp = null;
        try {
            // Created as a shell's redirection would create FILE (the umask's permissions, not a temporary file's 0600).
            temp = Files.createFile(dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp"));
            int code;
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8))) {
                command.setOut(out);
                code = new CommandLine.RunLast().execute(parsed);
                out.flush();
                if (out.checkError()) {
                    throw new IOException("cannot write " + temp);
                }
            }
            if (code != ExitCodes.ERROR) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return code;
        } catch (IOException e) {
            String message = NAME + ": cannot write " + file + ": " + e.getMessage();
            throw new CommandLine.ExecutionException(command, message, new IllegalStateException(message, e));
        } finally {
            command.setOut(previous);
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
