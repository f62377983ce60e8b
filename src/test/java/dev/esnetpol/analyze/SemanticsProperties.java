package dev.esnetpol.analyze;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The algebra of NetworkPolicy, checked on random clusters against a plain pod-by-pod reference. */
class SemanticsProperties {

    @Provide
    Arbitrary<Cluster> clusters() {
        return RandomClusters.clusters();
    }

    @Provide
    Arbitrary<NetworkPolicy> policies() {
        return RandomClusters.policies(99);
    }

    /**
     * Under every profile, grouping pods into classes gives the answers of the pod-by-pod reading, for every
     * pod, address and port, on clusters whose ipBlocks cover pod addresses (and node addresses, and
     * addresses of finished pods).
     */
    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void classesAgreeWithPodByPodEvaluation(@ForAll("clusters") Cluster cluster, @ForAll Profile profile) {
        agreeWithPodByPodEvaluation(cluster, profile);
    }

    @Provide
    Arbitrary<Cluster> clustersWithTiers() {
        return RandomClusters.clustersWithTiers();
    }

    /**
     * The same with AdminNetworkPolicies, BaselineAdminNetworkPolicies and ClusterNetworkPolicies of both tiers
     * mixed with the NetworkPolicies (Nodes, networks and named ports included), under every profile; and the
     * whole matrix (computed tier by tier over all classes) answers what pair questions answer.
     */
    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void clusterPoliciesAgreeWithPodByPodEvaluation(@ForAll("clustersWithTiers") Cluster cluster, @ForAll Profile profile) {
        agreeWithPodByPodEvaluation(cluster, profile);
        classMatrixAgreesWithPairQueries(cluster, profile);
    }

    private static void agreeWithPodByPodEvaluation(Cluster cluster, Profile profile) {
        Analyzer analyzer = Analyzer.of(cluster, profile);
        ReferenceEvaluator reference = new ReferenceEvaluator(cluster, profile);
        for (Pod s : cluster.pods()) {
            for (Pod d : cluster.pods()) {
                Connections c = analyzer.allowed(Node.of(s), Node.of(d));
                for (String protocol : List.of("TCP", "UDP")) {
                    for (int port : RandomClusters.PROBE_PORTS) {
                        assertEquals(reference.allowed(s, d, protocol, port), c.allows(protocol, port), s + " -> " + d + " " + port + "/" + protocol + " under " + profile + ": " + s.ips() + s.hostNetwork() + s.phase() + " " + d.ips() + d.hostNetwork() + d.phase() + d.ports());
                    }
                }
            }
            for (String ip : RandomClusters.PROBE_IPS) {
                for (int port : RandomClusters.PROBE_PORTS) {
                    assertEquals(reference.allowedFromAddress(ip, s, "TCP", port),
                            analyzer.allowed(Node.ExternalNode.parse(ip), Node.of(s)).allows("TCP", port), ip + " -> " + s + " " + port);
                    assertEquals(reference.allowedToAddress(s, ip, "TCP", port),
                            analyzer.allowed(Node.of(s), Node.ExternalNode.parse(ip)).allows("TCP", port), s + " -> " + ip + " " + port);
                }
            }
        }
    }

    /**
     * Policies only add up: adding one never narrows what an already isolated pod accepts, and never widens
     * what any pod accepts unless it selects that pod.
     */
    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void addingAPolicyNeverWidensWhatAnIsolatedPodAcceptsFromOthers(@ForAll("clusters") Cluster cluster, @ForAll("policies") NetworkPolicy added) {
        Analyzer before = Analyzer.of(cluster);
        Analyzer after = Analyzer.of(cluster.plusPolicy(added));
        for (Pod d : before.endpoints()) {
            boolean selected = d.namespace().equals(added.getMetadata().getNamespace())
                    && LabelSelectors.matches(added.getSpec().getPodSelector(), d.labels());
            for (Pod s : before.endpoints()) {
                Connections was = before.ingress(before.classOf(s).id, before.classOf(d).id);
                Connections now = after.ingress(after.classOf(s).id, after.classOf(d).id);
                if (!selected) {
                    assertEquals(was, now, "a policy that does not select " + d + " changed what it accepts");
                } else if (before.isolatedForIngress(d)) {
                    assertTrue(now.containsAll(was), "adding a policy narrowed what the isolated " + d + " accepts");
                } else {
                    assertTrue(was.containsAll(now), "isolation widened what " + d + " accepts");
                }
            }
        }
    }

    /** Isolating one pod for ingress (a deny-all selecting exactly its labels) never changes a verdict about another pod. */
    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void ingressIsolationOfAPodNeverChangesOtherPodsVerdicts(@ForAll("clusters") Cluster cluster) {
        Pod target = cluster.pods().get(0);
        NetworkPolicy deny = new NetworkPolicyBuilder().withNewMetadata().withName("deny").withNamespace(target.namespace()).endMetadata()
                .withNewSpec().withNewPodSelector().withMatchLabels(target.labels()).endPodSelector().withPolicyTypes("Ingress").endSpec().build();
        Analyzer before = Analyzer.of(cluster);
        Analyzer after = Analyzer.of(cluster.plusPolicy(deny));
        for (Pod s : cluster.pods()) {
            for (Pod d : cluster.pods()) {
                boolean sameLabels = d.namespace().equals(target.namespace()) && d.labels().entrySet().containsAll(target.labels().entrySet());
                if (!sameLabels) {
                    assertEquals(before.allowed(Node.of(s), Node.of(d)), after.allowed(Node.of(s), Node.of(d)), s + " -> " + d);
                }
            }
        }
    }

    /** The whole-matrix computation (rule by rule) answers what pair-by-pair questions answer, under every profile. */
    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void classMatrixAgreesWithPairQueries(@ForAll("clusters") Cluster cluster, @ForAll Profile profile) {
        Analyzer analyzer = Analyzer.of(cluster, profile);
        Connections[][] m = analyzer.classMatrix();
        for (PodClass s : analyzer.classes()) {
            for (PodClass d : analyzer.classes()) {
                Connections expected = analyzer.allowed(s.id(), d.id());
                assertEquals(expected.isEmpty() ? null : expected, m[s.id()][d.id()], s.representative() + " -> " + d.representative());
            }
        }
    }
}
