package dev.esnetpol.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code matrix --exposure} gives np-guard netpol-analyzer's exposure facts on its test data
 * ({@code src/test/resources/exposure/README.md} says where each case comes from).
 */
class ExposureConformanceTest {

    private static final Path CASES = Path.of("src/test/resources/exposure");

    @TestFactory
    Stream<DynamicTest> everyCaseGivesNpGuardsFacts() throws IOException {
        List<Path> cases;
        try (Stream<Path> s = Files.list(CASES)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertEquals(15, cases.size(), "cases in " + CASES);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            Set<String> expected = facts(Files.readString(c.resolve("expected-exposure.txt")));
            CliRun r = CliRun.run("matrix", "--exposure", "-o", "connlist", c.resolve("input.yaml").toString());
            assertEquals(0, r.code(), r.err());
            String out = r.out();
            String section = out.substring(out.indexOf("Exposure Analysis Result:") + "Exposure Analysis Result:".length());
            assertEquals(String.join("\n", expected), String.join("\n", facts(section)));
        }));
    }

    /** Lines with an arrow, runs of blanks as one (np-guard aligns with tabs, es-netpol with spaces). */
    static Set<String> facts(String text) {
        return Arrays.stream(text.split("\n")).map(l -> l.trim().replaceAll("\\s+", " "))
                .filter(l -> l.contains(" => ") || l.contains(" <= ")).collect(Collectors.toCollection(TreeSet::new));
    }
}
