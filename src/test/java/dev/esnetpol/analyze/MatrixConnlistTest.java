package dev.esnetpol.analyze;

import dev.esnetpol.cli.CliRun;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code es-netpol matrix -o connlist} end to end on every conformance case: its lines, read back as facts,
 * mean what np-guard's expected lines mean (external ranges probed at both ends, both ways round), in no more lines.
 */
class MatrixConnlistTest {

    @TestFactory
    Stream<DynamicTest> connlistOutputMatchesNpGuard() throws IOException {
        List<Path> cases = ConformanceCases.all();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            CliRun r = CliRun.run("matrix", "--profile", "np-guard", "-o", "connlist", c.resolve("input").toString());
            assertEquals(0, r.code(), r.err());
            ConnlistFacts ours = ConnlistFacts.parse(r.out().lines().toList());
            ConnlistFacts theirs = ConnlistFacts.parse(Files.readAllLines(c.resolve("expected-connlist.txt")));
            assertEquals(theirs.podToPod, ours.podToPod);
            List<String> differences = new ArrayList<>();
            compare(ours, theirs, differences, "ours");
            compare(theirs, ours, differences, "theirs");
            assertEquals(List.of(), differences);
            // The same facts in no more lines than np-guard prints them (external ranges merged per pair).
            long ourLines = r.out().lines().filter(l -> !l.isBlank()).count();
            long theirLines = Files.readAllLines(c.resolve("expected-connlist.txt")).stream().filter(l -> !l.isBlank()).count();
            org.junit.jupiter.api.Assertions.assertTrue(ourLines <= theirLines, ourLines + " lines where np-guard prints " + theirLines);
        }));
    }

    private static void compare(ConnlistFacts a, ConnlistFacts b, List<String> differences, String label) {
        java.util.Map<String, List<ConnlistFacts.ExternalFact>> byPeer = new java.util.HashMap<>();
        b.external.forEach(g -> byPeer.computeIfAbsent(g.peer() + g.outbound(), k -> new java.util.ArrayList<>()).add(g));
        for (ConnlistFacts.ExternalFact f : a.external) {
            for (BigInteger probe : List.of(f.first(), f.last())) {
                Connections other = byPeer.getOrDefault(f.peer() + f.outbound(), List.of()).stream()
                        .filter(g -> g.first().compareTo(probe) <= 0 && g.last().compareTo(probe) >= 0)
                        .map(ConnlistFacts.ExternalFact::connections).findFirst().orElse(Connections.NONE);
                if (!other.equals(f.connections())) {
                    differences.add(label + ": " + f + " at " + probe + " vs " + other);
                }
            }
        }
    }
}
