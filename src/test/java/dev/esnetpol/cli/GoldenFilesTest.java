package dev.esnetpol.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Each example in {@code examples/} renders exactly to its reviewed golden file in {@code src/test/resources/golden/}.
 * After an intended change, regenerate with {@code ES_NETPOL_UPDATE_GOLDEN=1 mvn test -Dtest=GoldenFilesTest}
 * and review the diff with {@code git diff src/test/resources/golden} before committing it.
 */
class GoldenFilesTest {

    private static final Path EXAMPLES = Path.of("examples");
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TestFactory
    Stream<DynamicTest> everyExampleRendersToItsGoldenFile() throws IOException {
        List<Path> examples;
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            examples = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(examples.size() < 3, "expected at least three examples in " + EXAMPLES.toAbsolutePath());
        return examples.stream().map(example -> DynamicTest.dynamicTest(example.getFileName().toString(), () -> {
            CliRun r = CliRun.run("render", "-f", example.toString());
            // Warnings (a bootstrap server outside the cluster) may be printed; nothing else.
            assertTrue(r.err().lines().allMatch(l -> l.startsWith("warning: ")), r.err());
            assertEquals(0, r.code());
            Path golden = GOLDEN.resolve(example.getFileName().toString().replace(".yaml", ".netpol.yaml"));
            if ("1".equals(System.getenv("ES_NETPOL_UPDATE_GOLDEN"))) {
                Files.createDirectories(GOLDEN);
                Files.writeString(golden, r.out());
            }
            assertEquals(Files.readString(golden), r.out(), "render of " + example + " differs from " + golden);
        }));
    }
}
