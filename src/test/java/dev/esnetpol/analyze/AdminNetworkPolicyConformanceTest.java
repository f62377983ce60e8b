package dev.esnetpol.analyze;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every case of {@code ../shared/conformance/admin-network-policy} (network-policy-api's v1alpha1
 * AdminNetworkPolicy and BaselineAdminNetworkPolicy conformance steps, restated: see its README) under the
 * reference profile, through the API and through {@code matrix -o connlist}.
 */
class AdminNetworkPolicyConformanceTest {

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        List<Path> cases = ConformanceCases.in("admin-network-policy");
        assertEquals(60, cases.size(), "admin-network-policy cases");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> KubernetesE2eConformanceTest.check(c)));
    }
}
