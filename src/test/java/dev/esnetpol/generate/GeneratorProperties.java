package dev.esnetpol.generate;

import dev.esnetpol.cli.ObjectWriterAccess;
import dev.esnetpol.kube.KubeValidation;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.testing.Fixtures;
import dev.esnetpol.testing.RandomInstallations;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.client.utils.Serialization;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties of the generator over random valid installations. */
class GeneratorProperties {

    @Provide
    Arbitrary<String> installations() {
        return RandomInstallations.installations();
    }

    /** Whatever the configuration, the policies are valid Kubernetes objects and survive a YAML round trip. */
    @Property(tries = 150)
    void policiesAreValidAndRoundTrip(@ForAll("installations") String yaml) {
        List<EventStreamsResource> resources = Fixtures.fromYaml(yaml);
        List<NetworkPolicy> policies = new PolicyGenerator(GeneratorOptions.defaults()).generate(resources, null);
        Set<String> names = new TreeSet<>();
        for (NetworkPolicy p : policies) {
            assertTrue(names.add(p.getMetadata().getName()), "duplicate name " + p.getMetadata().getName());
            assertTrue(KubeValidation.isDnsSubdomain(p.getMetadata().getName()));
            List<String> problems = new ArrayList<>();
            KubeValidation.validateSelector(p.getSpec().getPodSelector(), "podSelector", (path, msg) -> problems.add(path + ": " + msg));
            p.getMetadata().getLabels().forEach((k, v) -> KubeValidation.validateLabelValue(v, "labels." + k, (path, msg) -> problems.add(path + ": " + msg)));
            for (var rule : p.getSpec().getIngress()) {
                assertTrue(!rule.getPorts().isEmpty(), "a rule without ports would open every port");
                for (NetworkPolicyPeer peer : rule.getFrom() == null ? List.<NetworkPolicyPeer>of() : rule.getFrom()) {
                    KubeValidation.validatePeer(peer, "from", (path, msg) -> problems.add(path + ": " + msg));
                }
            }
            for (var rule : p.getSpec().getEgress()) {
                for (NetworkPolicyPeer peer : rule.getTo() == null ? List.<NetworkPolicyPeer>of() : rule.getTo()) {
                    KubeValidation.validatePeer(peer, "to", (path, msg) -> problems.add(path + ": " + msg));
                }
            }
            assertEquals(List.of(), problems, p.getMetadata().getName());
            NetworkPolicy back = Serialization.unmarshal(ObjectWriterAccess.yaml(p), NetworkPolicy.class);
            assertEquals(ObjectWriterAccess.yaml(p), ObjectWriterAccess.yaml(back), "YAML round trip changed " + p.getMetadata().getName());
            assertTrue(p.equals(back), "the policy read back from its YAML is not equal to the generated one: " + p.getMetadata().getName());
        }
    }

    /** Every flow the generator resolves is written into the policy of the side it belongs to. */
    @Property(tries = 150)
    void everyFlowIsWritten(@ForAll("installations") String yaml) {
        PolicyGenerator generator = new PolicyGenerator(GeneratorOptions.defaults());
        for (var installation : dev.esnetpol.model.Installations.group(Fixtures.fromYaml(yaml), null)) {
            Map<String, NetworkPolicy> byName = new java.util.HashMap<>();
            generator.generate(installation).forEach(p -> byName.put(p.getMetadata().getName(), p));
            for (Flow f : generator.flows(installation)) {
                if (f.ingress() && f.to() instanceof Endpoint.Pods to) {
                    NetworkPolicy p = byName.get(to.group().policyName());
                    List<NetworkPolicyPeer> peers = Peers.of(f.from(), generator.options());
                    assertTrue(p.getSpec().getIngress().stream().anyMatch(r -> hasPort(r.getPorts(), f)
                            && (r.getFrom().isEmpty() ? true : !peers.isEmpty() && r.getFrom().containsAll(peers))), "ingress of " + f);
                }
                if (f.egress() && f.from() instanceof Endpoint.Pods from) {
                    NetworkPolicy p = byName.get(from.group().policyName());
                    List<NetworkPolicyPeer> peers = Peers.of(f.to(), generator.options());
                    assertTrue(p.getSpec().getEgress().stream().anyMatch(r -> hasPort(r.getPorts(), f)
                            && (r.getTo().isEmpty() ? true : !peers.isEmpty() && r.getTo().containsAll(peers))), "egress of " + f);
                }
            }
        }
    }

    private static boolean hasPort(List<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort> ports, Flow f) {
        // An entry without a port admits every port of its protocol, the flow's port among them.
        return ports.stream().anyMatch(p -> f.protocol().equals(p.getProtocol())
                && (p.getPort() == null || f.port() != null && f.port().equals(p.getPort().getIntVal())));
    }
}
