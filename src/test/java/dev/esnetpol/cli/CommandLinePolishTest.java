package dev.esnetpol.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as a new user meets it: mistakes named, versions and exit codes everywhere, help that reads well. */
class CommandLinePolishTest {

    private static final String[] COMMANDS = {"render", "verify", "explain", "matrix", "review", "catalogue", "operator", "webhook"};

    @Test
    void anUnknownOptionIsNamedWithTheClosestOne() {
        CliRun r = CliRun.run("render", "--flie", "x");
        assertEquals(ExitCodes.ERROR, r.code());
        assertTrue(r.err().startsWith("error: Unknown option: '--flie'"), r.err());
        assertTrue(r.err().contains("See 'es-netpol render --help'."), r.err());
        assertTrue(r.err().lines().count() <= 3, "the message, not the whole help: " + r.err());
        CliRun typo = CliRun.run("matrix", "--outptu", "json", "examples/");
        assertTrue(typo.err().contains("'--outptu': did you mean '--output'?"), typo.err());
    }

    @Test
    void aStrayArgumentIsNamed() {
        CliRun r = CliRun.run("catalogue", "extra");
        assertEquals(ExitCodes.ERROR, r.code());
        assertTrue(r.err().contains("'extra'"), r.err());
        CliRun command = CliRun.run("rendr", "-f", "examples/eventstreams-production.yaml");
        assertTrue(command.err().contains("'rendr': did you mean 'render'?"), command.err());
        assertTrue(!command.err().contains("'-f': did you mean"), "the rest of a misspelt command's line gets no suggestion: " + command.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"render", "verify", "explain", "matrix", "review", "catalogue", "operator", "webhook"})
    void everyCommandPrintsItsVersionAndListsItsExitCodes(String command) {
        CliRun version = CliRun.run(command, "--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("es-netpol "), command + ": '" + version.out() + "'");
        String help = CliRun.run(command, "--help").out();
        assertTrue(help.contains("Exit codes: 0 "), command + " help lists no exit codes");
        // Examples are printed whole, however long (a command is copied in one piece): the rest fits the width.
        String body = help.substring(0, help.indexOf("Examples:") < 0 ? help.length() : help.indexOf("Examples:"));
        body.lines().forEach(l -> assertTrue(l.length() <= Main.USAGE_WIDTH, command + ": a line wraps: " + l));
    }

    /** Every example line of every help, as written in the command's footer. */
    private static java.util.List<String> examples(String help) {
        return help.lines().filter(l -> l.startsWith("  es-netpol ") || l.startsWith("  kubectl ")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"80", "200", "55"})
    void examplesAreNeverWrappedWhateverWidthPicocliIsGiven(String width) {
        String previous = System.getProperty("picocli.usage.width");
        try {
            for (String command : COMMANDS) {
                System.clearProperty("picocli.usage.width");
                java.util.List<String> atOurs = examples(CliRun.run(command, "--help").out());
                System.setProperty("picocli.usage.width", width);
                String help = CliRun.run(command, "--help").out();
                assertTrue(!atOurs.isEmpty(), command);
                assertEquals(atOurs, examples(help), command + " at " + width + " columns:\n" + help);
                assertTrue(help.lines().noneMatch(l -> l.startsWith("apply -f") || l.startsWith("without a namespace")), help);
            }
        } finally {
            if (previous == null) {
                System.clearProperty("picocli.usage.width");
            } else {
                System.setProperty("picocli.usage.width", previous);
            }
        }
    }

    /**
     * {@code -Dpicocli.usage.width=AUTO} in a process without a terminal, as in CI or a pipe: picocli 4.7 asks the
     * terminal ({@code stty}, {@code tput}), not {@code COLUMNS}, finds none and falls back; the examples stay whole.
     * ({@code COLUMNS} is set all the same: a picocli that read it would be held to the same.)
     */
    @Test
    void examplesAreWholeWithAutoWidthAndNoTerminal() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dpicocli.usage.width=AUTO", Main.class.getName(), "render", "--help");
        pb.environment().put("COLUMNS", "60");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String help = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertEquals(examples(CliRun.run("render", "--help").out()), examples(help), help);
    }

    @Test
    void noArgumentsIsHelpOnStderrAndExit2() {
        CliRun r = CliRun.run();
        assertEquals(ExitCodes.ERROR, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("Usage: es-netpol"), r.err());
    }

    @Test
    void theTopLevelSummariesAreWholeSentences() {
        String help = CliRun.run("--help").out();
        String commands = help.substring(help.indexOf("Commands:"), help.indexOf("Exit codes:"));
        for (String c : COMMANDS) {
            String line = commands.lines().filter(l -> l.startsWith("  " + c + " ")).findFirst().orElseThrow();
            assertTrue(line.endsWith("."), "cut mid-sentence: " + line);
        }
    }

    @Test
    void jsonReportsAlwaysHaveTheirArrays() throws IOException {
        JsonNode verify = new ObjectMapper().readTree(CliRun.run("verify", "-f", "examples/eventstreams-quickstart.yaml", "-o", "json").out());
        assertTrue(verify.path("missing").isArray() && verify.path("missing").isEmpty(), verify.toString());
        assertTrue(verify.path("excess").isArray() && verify.path("excess").isEmpty(), verify.toString());
        JsonNode review = new ObjectMapper().readTree(CliRun.run("review", "-f", "examples/es-prod-namespace", "-o", "json").out());
        assertTrue(review.path("findings").isArray() && review.path("notes").isArray(), review.toString());
        review.path("findings").forEach(f -> assertEquals("OPEN", f.path("kind").asText(), "only what the defaults open: " + f));
    }

    @Test
    void noInputIsAUsageError() {
        for (String command : new String[]{"render", "verify", "matrix"}) {
            CliRun r = CliRun.run(command);
            assertEquals(ExitCodes.ERROR, r.code(), command);
            assertTrue(r.err().contains("no input: give -f FILE|DIR|-"), command + ": " + r.err());
        }
    }
}
