package dev.esnetpol.verify;

import dev.esnetpol.analyze.Cluster;
import dev.esnetpol.generate.GeneratorOptions;
import dev.esnetpol.generate.PolicyGenerator;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.testing.Fixtures;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Findings of several analyzer profiles merged: what only some profiles find is CNI-dependent, with each
 * profile's verdict. Two sets of policies stand for two profiles here (the analyzer has one profile so far).
 */
class ProfileVerdictsTest {

    private static final List<EventStreamsResource> PRODUCTION = Fixtures.fromResource("../../../../examples/eventstreams-production.yaml");

    private static List<NetworkPolicy> rendered() {
        return new PolicyGenerator(GeneratorOptions.defaults()).generate(PRODUCTION, null);
    }

    private static List<NetworkPolicy> withoutOperatorOn9091() {
        List<NetworkPolicy> policies = rendered();
        policies.stream().filter(p -> p.getMetadata().getName().equals("production-kafka-netpol")).findFirst().orElseThrow()
                .getSpec().getIngress().stream().filter(r -> r.getPorts().stream().anyMatch(x -> x.getPort().getIntVal() == 9091))
                .findFirst().orElseThrow().getFrom().removeIf(peer -> peer.getNamespaceSelector() != null);
        return policies;
    }

    @Test
    void aFlowDeniedOnOneProfileOnlyIsCniDependentWithEachVerdict() {
        Verifier.Verification v = new Verifier(GeneratorOptions.defaults()).prepare(PRODUCTION, null, Cluster.of(List.of(), List.of(), List.of()));
        Map<String, VerifyReport> byProfile = new LinkedHashMap<>();
        byProfile.put("reference", v.check(rendered()));
        byProfile.put("cilium", v.check(withoutOperatorOn9091()));
        List<Finding> merged = ProfileVerdicts.merge(byProfile);
        assertEquals(1, merged.size(), merged.toString());
        Finding f = merged.get(0);
        assertEquals(Finding.Kind.CNI_DEPENDENT, f.kind());
        assertEquals(List.of(new Finding.ProfileVerdict("reference", true), new Finding.ProfileVerdict("cilium", false)), f.profiles());
        assertEquals(new Role.ClusterOperator(true), f.from().role());
        assertTrue(FindingText.of(f).contains("allowed on reference, denied on cilium"), FindingText.of(f));
    }

    @Test
    void aFindingOfEveryProfileStaysWhatItIs() {
        Verifier.Verification v = new Verifier(GeneratorOptions.defaults()).prepare(PRODUCTION, null, Cluster.of(List.of(), List.of(), List.of()));
        VerifyReport broken = v.check(withoutOperatorOn9091());
        Map<String, VerifyReport> byProfile = new LinkedHashMap<>();
        byProfile.put("reference", broken);
        byProfile.put("cilium", v.check(withoutOperatorOn9091()));
        List<Finding> merged = ProfileVerdicts.merge(byProfile);
        assertEquals(broken.findings(), merged);
        assertEquals(Finding.Kind.MISSING, merged.get(0).kind());
    }
}
