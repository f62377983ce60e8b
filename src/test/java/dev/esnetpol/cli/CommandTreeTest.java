package dev.esnetpol.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Main#newCommandLine(String...)} builds only the subcommand a command line names: each subcommand must
 * behave exactly as in the whole tree, and a command line that names none must see them all.
 */
class CommandTreeTest {

    private static String[] run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new String[]{String.valueOf(code), out.toString(), err.toString()};
    }

    @TestFactory
    Stream<DynamicTest> eachSubcommandIsTheSameAloneAsInTheWholeTree() {
        return Main.SUBCOMMANDS.stream().filter(c -> c != CommandLine.HelpCommand.class).flatMap(c -> Main.names(c).stream())
                .map(name -> DynamicTest.dynamicTest(name, () -> {
            for (String[] args : List.of(new String[]{name, "--help"}, new String[]{name, "--no-such-option"})) {
                CommandLine alone = Main.newCommandLine(args);
                assertEquals(1, alone.getSubcommands().values().stream().distinct().count(), "only " + name + " is built");
                assertEquals(List.of(run(Main.newCommandLine(), args)), List.of(run(alone, args)), String.join(" ", args));
            }
        }));
    }

    @Test
    void aCommandLineWithoutASubcommandSeesThemAll() {
        for (String[] args : List.of(new String[]{}, new String[]{"--help"}, new String[]{"--version", "render"}, new String[]{"rendr"},
                new String[]{"help", "matrix"})) {
            assertEquals(Main.SUBCOMMANDS.size(), Main.newCommandLine(args).getSubcommands().values().stream().distinct().count(),
                    String.join(" ", args));
        }
        assertEquals(List.of("0", "es-netpol 0.1.0-SNAPSHOT (commit " + headCommit() + ")\n", ""),
                List.of(run(Main.newCommandLine("--version"), "--version")), "--version alone needs no subcommand; it names the commit built");
        String[] help = run(Main.newCommandLine("help", "matrix"), "help", "matrix");
        assertEquals("0", help[0]);
        assertTrue(help[1].contains("Usage: es-netpol matrix"), help[1]);
        String[] typo = run(Main.newCommandLine("rendr"), "rendr");
        assertEquals("2", typo[0]);
        assertTrue(typo[2].contains("render"), "the closest command is suggested: " + typo[2]);
    }

    /** git's HEAD as the build records it (12 hex digits), or "unknown" outside git. */
    private static String headCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD").redirectErrorStream(false).start();
            String out = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (java.io.IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
