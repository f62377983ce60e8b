package dev.esnetpol.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --output-file FILE} on every command that writes a report: the report whole in FILE, or FILE untouched on an error. */
class OutputFileTest {

    private static final String PRODUCTION = "examples/eventstreams-production.yaml";

    @Test
    void everyReportCommandWritesItsReportToTheFile(@TempDir Path dir) throws IOException {
        List<List<String>> commands = List.of(
                List.of("render", PRODUCTION),
                List.of("verify", PRODUCTION),
                List.of("explain", "--from", "production-admin-api-0", "--to", "production-kafka-0", "--port", "8091", PRODUCTION),
                List.of("matrix", "-o", "csv", PRODUCTION),
                List.of("diff", PRODUCTION, PRODUCTION),
                List.of("review", "-f", "examples/es-prod-namespace"),
                List.of("catalogue"));
        for (List<String> command : commands) {
            CliRun toStdout = CliRun.run(command.toArray(String[]::new));
            Path file = dir.resolve(command.get(0) + ".out");
            String[] args = Stream.concat(command.stream(), Stream.of("--output-file", file.toString())).toArray(String[]::new);
            CliRun toFile = CliRun.run(args);
            assertEquals(toStdout.code(), toFile.code(), command + ": " + toFile.err());
            assertEquals("", toFile.out(), command + " prints nothing on standard output");
            assertEquals(toStdout.out(), Files.readString(file), command + " writes what it would print");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(commands.size(), files.count(), "no temporary file left beside the reports");
        }
    }

    @Test
    void onAnErrorTheFileIsLeftAsItWas(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("matrix.txt");
        Files.writeString(file, "the previous report\n");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  namespace: a\nspec:\n  hostNetwrok: true\n");
        CliRun r = CliRun.run("render", "-f", bad.toString(), "--output-file", file.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("the previous report\n", Files.readString(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left");
        }
        CliRun noDir = CliRun.run("matrix", PRODUCTION, "--output-file", dir.resolve("missing/m.txt").toString());
        assertEquals(2, noDir.code());
        assertTrue(noDir.err().contains("--output-file: directory " + dir.resolve("missing") + " does not exist"), noDir.err());
    }
}
