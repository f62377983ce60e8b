package dev.esnetpol.analyze;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every case of {@code ../shared/conformance/netpol-analyzer-admin} (np-guard's AdminNetworkPolicy and
 * BaselineAdminNetworkPolicy cases) under {@link Profile#NP_GUARD}, compared fact by fact as
 * {@link ConformanceTest} compares np-guard's other cases. Where np-guard's reading departs from the API's own
 * documentation, the case is a known difference: the differences found must be exactly the ones listed, for
 * the reason given.
 */
class AdminConformanceTest {

    /** Case name → why np-guard's expected output is not the API's meaning, and a fact that shows it. */
    static final Map<String, String> KNOWN_DIFFERENCES = Map.of();

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        List<Path> cases = ConformanceCases.in("netpol-analyzer-admin");
        assertEquals(54, cases.size(), "netpol-analyzer-admin cases");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    private static void check(Path caseDir) throws IOException {
        List<String> differences = ConformanceTest.differences(caseDir);
        String known = KNOWN_DIFFERENCES.get(caseDir.getFileName().toString());
        if (known == null) {
            if (!differences.isEmpty()) {
                fail(differences.size() + " differences, first ones:\n" + String.join("\n", differences.subList(0, Math.min(15, differences.size()))));
            }
            return;
        }
        String fact = known.substring(known.indexOf("fact: ") + "fact: ".length());
        assertTrue(differences.stream().anyMatch(d -> d.contains(fact)), "known difference no longer seen: " + known + "\n" + differences);
    }
}
