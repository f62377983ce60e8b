package dev.esnetpol.analyze;

import dev.esnetpol.input.YamlSources;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The profile switches, one endpoint one answer, and pods that are not endpoints, each on the smallest
 * cluster that shows it. Expected answers follow from the switch definitions in {@link Profile}.
 */
class ProfilesTest {

    /** x/a (10.244.1.10) may reach only 10.244.2.0/24 except 10.244.2.11 on TCP 80; y/b is .10, y/c is .11. */
    private static final String CLUSTER = """
            apiVersion: v1
            kind: Pod
            metadata: {name: a, namespace: x, labels: {pod: a}}
            spec: {containers: [{name: c}]}
            status: {phase: Running, hostIP: 172.18.0.2, podIP: 10.244.1.10, podIPs: [{ip: 10.244.1.10}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: b, namespace: 'y', labels: {pod: b}}
            spec: {containers: [{name: c}]}
            status: {phase: Running, hostIP: 172.18.0.2, podIP: 10.244.2.10, podIPs: [{ip: 10.244.2.10}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: c, namespace: 'y', labels: {pod: c}}
            spec: {containers: [{name: c}]}
            status: {phase: Running, hostIP: 172.18.0.3, podIP: 10.244.2.11, podIPs: [{ip: 10.244.2.11}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: done, namespace: 'y', labels: {pod: done}}
            spec: {containers: [{name: c}]}
            status: {phase: Succeeded, hostIP: 172.18.0.2, podIP: 10.244.2.12, podIPs: [{ip: 10.244.2.12}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: node-agent, namespace: 'y', labels: {pod: agent}}
            spec: {hostNetwork: true, containers: [{name: c}]}
            status: {phase: Running, hostIP: 10.244.2.200, podIP: 10.244.2.200, podIPs: [{ip: 10.244.2.200}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: to-cidr, namespace: x}
            spec:
              podSelector: {matchLabels: {pod: a}}
              policyTypes: [Egress]
              egress:
                - to: [{ipBlock: {cidr: 10.244.2.0/24, except: [10.244.2.11/32]}}]
                  ports: [{port: 80}]
            """;

    private static Cluster cluster(String yaml) {
        return ClusterLoader.load(YamlSources.parse("test.yaml", yaml)).cluster();
    }

    private static Pod pod(Cluster c, String name) {
        return c.pods().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void anIpBlockReachesAPodThroughItsAddressOnlyWhereTheProfileSaysSo() {
        Cluster c = cluster(CLUSTER);
        Node a = Node.of(pod(c, "a"));
        Node b = Node.of(pod(c, "b"));
        Node excepted = Node.of(pod(c, "c"));
        assertTrue(Analyzer.of(c).allowed(a, b).allows("TCP", 80), "reference: the ipBlock contains y/b's address");
        assertFalse(Analyzer.of(c).allowed(a, excepted).allows("TCP", 80), "reference: except removes y/c's address");
        assertFalse(Analyzer.of(c).allowed(a, b).allows("TCP", 81), "only the listed port");
        for (Profile p : List.of(Profile.CILIUM, Profile.NP_GUARD)) {
            assertFalse(Analyzer.of(c, p).allowed(a, b).allows("TCP", 80), p + ": CIDR rules never select pods");
        }
        Map<Profile, Boolean> verdicts = ProfileVerdicts.of(c).allows(a, b, "TCP", 80);
        assertEquals(Map.of(Profile.REFERENCE, true, Profile.CILIUM, false, Profile.NP_GUARD, false, Profile.OVN_KUBERNETES, true), verdicts,
                "OVN-Kubernetes matches ipBlocks against pod addresses, as the reference does");
        assertFalse(ProfileVerdicts.of(c).agree(a, b, "TCP", 80));
    }

    @Test
    void aPodsAddressIsThatPodWhicheverWayItIsNamed() {
        Cluster c = cluster(CLUSTER);
        for (Profile p : Profile.values()) {
            Analyzer an = Analyzer.of(c, p);
            Node a = Node.of(pod(c, "a"));
            assertEquals(an.allowed(a, Node.of(pod(c, "b"))), an.allowed(a, Node.ExternalNode.parse("10.244.2.10")), p.id());
            assertEquals(an.allowed(a, Node.of(pod(c, "c"))), an.allowed(a, Node.ExternalNode.parse("10.244.2.11")), p.id());
            assertEquals(an.allowed(Node.of(pod(c, "b")), a), an.allowed(Node.ExternalNode.parse("10.244.2.10"), a), p.id());
        }
        Explanation e = Analyzer.of(c).explain(Node.of(pod(c, "a")), Node.ExternalNode.parse("10.244.2.11"), "TCP", 80);
        assertFalse(e.allowed());
        assertTrue(e.notes().stream().anyMatch(n -> n.contains("address of pod y/c")), e.text());
    }

    @Test
    void aFinishedPodIsNoEndpointAndExplainSaysWhy() {
        Cluster c = cluster(CLUSTER);
        Pod done = pod(c, "done");
        Analyzer reference = Analyzer.of(c);
        assertNotNull(reference.notEndpoint(done));
        assertFalse(reference.endpoints().contains(done));
        assertTrue(reference.allowed(Node.of(pod(c, "b")), Node.of(done)).isEmpty());
        Explanation e = reference.explain(Node.of(pod(c, "b")), Node.of(done), "TCP", 80);
        assertFalse(e.allowed());
        assertTrue(e.text().contains("Succeeded"), e.text());
        // Its old address is just an address now (the ipBlock admits it as one), and explain says whose it was.
        Explanation byAddress = reference.explain(Node.of(pod(c, "a")), Node.ExternalNode.parse("10.244.2.12"), "TCP", 80);
        assertTrue(byAddress.allowed(), byAddress.text());
        assertTrue(byAddress.notes().stream().anyMatch(n -> n.contains("y/done")), byAddress.text());
        // np-guard analyses every pod of its input.
        assertNull(Analyzer.of(c, Profile.NP_GUARD).notEndpoint(done));
        assertTrue(Analyzer.of(c, Profile.NP_GUARD).endpoints().contains(done));
    }

    @Test
    void aHostNetworkPodIsSeenByItsNodeAddressAndIsOutsidePolicyOnCilium() {
        Cluster c = cluster(CLUSTER);
        Pod agent = pod(c, "node-agent");
        Node a = Node.of(pod(c, "a"));
        Analyzer reference = Analyzer.of(c);
        assertTrue(reference.allowed(a, Node.of(agent)).allows("TCP", 80), "reference: 10.244.2.200 is in the ipBlock");
        assertEquals(reference.allowed(a, Node.of(agent)), reference.allowed(a, Node.ExternalNode.parse("10.244.2.200")));
        Explanation e = reference.explain(a, Node.of(agent), "TCP", 80);
        assertTrue(e.notes().stream().anyMatch(n -> n.contains("host network") && n.contains("10.244.2.200")), e.text());
        Analyzer cilium = Analyzer.of(c, Profile.CILIUM);
        assertFalse(cilium.allowed(a, Node.of(agent)).allows("TCP", 80), "cilium: no CIDR rule matches a node");
        assertTrue(cilium.explain(a, Node.of(agent), "TCP", 80).notes().stream().anyMatch(n -> n.contains("no policy selects it")));
    }

    @Test
    void aHostNetworkPodIsNeverSelectedOnCilium() {
        Cluster c = cluster(CLUSTER + """
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-all, namespace: 'y'}
                spec: {podSelector: {}, policyTypes: [Ingress]}
                """);
        Node b = Node.of(pod(c, "b"));
        Node agent = Node.of(pod(c, "node-agent"));
        assertTrue(Analyzer.of(c).allowed(b, agent).isEmpty(), "reference: selected like any pod");
        assertTrue(Analyzer.of(c, Profile.NP_GUARD).allowed(b, agent).isEmpty(), "np-guard: selected like any pod");
        assertTrue(Analyzer.of(c, Profile.CILIUM).allowed(b, agent).isAll(), "cilium: outside policy");
    }

    @Test
    void everyPortOfTheThreeProtocolsIsNotAllConnectionsExceptForNpGuard() {
        Cluster c = cluster(CLUSTER + """
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: three, namespace: 'y'}
                spec:
                  podSelector: {matchLabels: {pod: b}}
                  ingress: [{ports: [{protocol: TCP}, {protocol: UDP}, {protocol: SCTP}]}]
                """);
        Node from = Node.of(pod(c, "c"));
        Node to = Node.of(pod(c, "b"));
        Connections reference = Analyzer.of(c).allowed(from, to);
        assertFalse(reference.isAll(), reference.toString());
        assertEquals("TCP 1-65535,UDP 1-65535,SCTP 1-65535", reference.toString());
        assertTrue(Analyzer.of(c, Profile.NP_GUARD).allowed(from, to).isAll());
        assertTrue(Analyzer.of(c).allowed(to, from).isAll(), "no ports list: every protocol");
    }

    @Test
    void theMatrixMergesAdjacentRangesPerPair() {
        // Two adjacent blocks with the same rule: one range for x/a, not two.
        Cluster c = cluster(CLUSTER.replace("cidr: 10.244.2.0/24, except: [10.244.2.11/32]", "cidr: 10.244.2.0/24")
                + """
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: adjacent, namespace: x}
                spec:
                  podSelector: {matchLabels: {pod: a}}
                  policyTypes: [Egress]
                  egress: [{to: [{ipBlock: {cidr: 10.244.3.0/24}}], ports: [{port: 80}]}]
                """);
        List<Matrix.Entry> fromA = Matrix.of(Analyzer.of(c)).entries().stream().filter(e -> e.from().equals("x/a[Pod]") && e.toExternal()).toList();
        assertEquals(1, fromA.size(), fromA.toString());
        assertEquals("10.244.2.0-10.244.3.255[External]", fromA.get(0).to());
        assertEquals("TCP 80", fromA.get(0).connectionsText());
    }
}
