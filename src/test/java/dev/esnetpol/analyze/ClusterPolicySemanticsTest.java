package dev.esnetpol.analyze;

import dev.esnetpol.input.InputProblem;
import dev.esnetpol.input.InvalidInputException;
import dev.esnetpol.input.YamlDocument;
import dev.esnetpol.input.YamlSources;
import dev.esnetpol.kube.StrictFields;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One test per rule of the cluster-scoped policies (AdminNetworkPolicy, BaselineAdminNetworkPolicy,
 * ClusterNetworkPolicy): how they are read (strictly, with the CRDs' validation, YAML null as the API server
 * reads it) and how the tiers decide, each on the smallest cluster that shows it.
 */
class ClusterPolicySemanticsTest {

    private static final String PODS = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: a, labels: {team: x}}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: b, labels: {team: y}}
            ---
            apiVersion: v1
            kind: Node
            metadata: {name: n1, labels: {role: worker}}
            status: {addresses: [{type: InternalIP, address: 172.18.0.3}, {type: Hostname, address: n1}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: a, labels: {app: web}}
            spec:
              containers:
                - name: c
                  ports: [{name: http, containerPort: 8080}, {name: dns, containerPort: 5353, protocol: UDP}]
            status: {podIP: 10.0.0.1, phase: Running}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: client, namespace: b, labels: {app: client}}
            spec: {containers: [{name: c}]}
            status: {podIP: 10.0.0.2, phase: Running}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: agent, namespace: b, labels: {app: agent}}
            spec: {hostNetwork: true, containers: [{name: c}]}
            status: {podIP: 172.18.0.3, hostIP: 172.18.0.3, phase: Running}
            """;

    private static final String ANP = "apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\n";
    private static final String BANP = "apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\n";
    private static final String CNP = "apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\n";

    /** Every problem strict reading and the loader find, as {@code line path: message}. */
    private static List<String> problems(String yaml) {
        List<YamlDocument> docs = YamlSources.parse("p.yaml", yaml);
        List<String> out = new ArrayList<>();
        for (YamlDocument d : docs) {
            StrictFields.check(d).forEach(p -> out.add(p.line() + " " + p.path() + ": " + p.message()));
        }
        try {
            ClusterLoader.load(docs);
        } catch (InvalidInputException e) {
            e.problems().stream().map(p -> p.line() + " " + p.path() + ": " + p.message()).forEach(out::add);
        }
        return out;
    }

    private static Analyzer analyzer(String policies) {
        return Analyzer.of(ClusterLoader.load(YamlSources.parse("t.yaml", PODS + "---\n" + policies)).cluster());
    }

    private static Node pod(Analyzer a, String name) {
        return Node.of(a.cluster().pods().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow());
    }

    private static boolean allowed(Analyzer a, String from, String to, String protocol, int port) {
        return a.allowed(pod(a, from), pod(a, to)).allows(protocol, port);
    }

    @Test
    void misspeltFieldsAreRefusedWithTheirPathLineAndTheClosestField() {
        List<String> p = problems(ANP + """
                metadata: {name: x}
                spec:
                  prioirty: 10
                  subject: {namespaces: {}}
                  ingress:
                  - {name: r, acton: Deny, from: [{namespaces: {}}]}
                """);
        assertTrue(p.contains("5 spec.prioirty: unknown field 'prioirty' (did you mean 'priority'?)"), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("8 spec.ingress[0].acton: unknown field 'acton' (did you mean 'action'?)")), p.toString());
        List<String> cnp = problems(CNP + """
                metadata: {name: x}
                spec:
                  tier: Admin
                  priority: 1
                  subject: {namespaces: {}}
                  egress:
                  - {action: Accpet, to: [{networks: [10.0.0.0/8]}], protocols: [{tcp: {destinationPort: {numbr: 80}}}]}
                """);
        assertTrue(cnp.stream().anyMatch(s -> s.contains("spec.egress[0].action: unknown action 'Accpet' (ClusterNetworkPolicy: Accept, Deny, Pass) (did you mean 'Accept'?)")), cnp.toString());
        assertTrue(cnp.stream().anyMatch(s -> s.contains("spec.egress[0].protocols[0].tcp.destinationPort.numbr: unknown field 'numbr' (did you mean 'number'?)")), cnp.toString());
    }

    @Test
    void theCrdsValidationIsTheApiServers() {
        List<String> p = problems(ANP + """
                metadata: {name: x}
                spec:
                  priority: 1001
                  subject: {namespaces: {}, pods: {podSelector: {}}}
                  egress:
                  - name: r
                    action: Deny
                    to: [{networks: [10.0.0.0/33]}, {namespaces: {}, nodes: {}}]
                    ports: [{portRange: {start: 90, end: 80}}, {portNumber: {port: 70000}}, {portNumber: {protocol: TPC, port: 80}}]
                ---
                """ + BANP + """
                metadata: {name: mine}
                spec: {subject: {namespaces: {matchLabels: {team: "x y"}}}}
                """);
        List<String> expected = List.of("spec.priority: priority 1001 is out of range 0-1000",
                "spec.subject: exactly one of namespaces and pods must be set, not namespaces and pods",
                "spec.egress[0].to[0].networks[0]: '10.0.0.0/33' is not a CIDR: prefix must be 0..32",
                "spec.egress[0].to[1]: exactly one field must be set in a peer, not namespaces and nodes",
                "spec.egress[0].ports[0].portRange: start 90 must be less than end 80",
                "spec.egress[0].ports[1].portNumber.port: port 70000 is out of range 1-65535",
                "spec.egress[0].ports[2].portNumber.protocol: unknown protocol 'TPC' (TCP, UDP or SCTP) (did you mean 'TCP'?)",
                "metadata.name: a BaselineAdminNetworkPolicy must be named 'default' (there is one per cluster), not 'mine'",
                "spec.subject.namespaces.matchLabels.team: invalid label value 'x y'");
        for (String e : expected) {
            assertTrue(p.stream().anyMatch(s -> s.contains(e)), e + " in " + p);
        }
    }

    @Test
    void yamlNullSelectorsAndListsReadAsTheApiServerReadsThem() {
        // A NetworkPolicy's podSelector is a value: null is {} (np-guard's anp_np_banp_core_test has one).
        Analyzer np = analyzer("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny, namespace: a}
                spec:
                  podSelector:
                  policyTypes: [Ingress]
                """);
        assertFalse(allowed(np, "client", "web", "TCP", 80), "podSelector: null selects every pod of a");
        // In a cluster policy: pods' selectors are values (null = {}), lists and pointers are absent.
        Analyzer anp = analyzer(ANP + """
                metadata: {name: x}
                spec:
                  priority: 1
                  subject:
                    pods:
                      namespaceSelector:
                      podSelector:
                  ingress:
                  - name: deny
                    action: Deny
                    from:
                    - pods:
                        namespaceSelector:
                        podSelector:
                    ports:
                  egress:
                """);
        assertFalse(allowed(anp, "client", "web", "UDP", 53), "every pod denies ingress from every pod");
        assertTrue(allowed(anp, "agent", "web", "TCP", 80), "host-network pods are never matched by pods peers");
        assertEquals(List.of("6 spec.subject: exactly one of namespaces and pods must be set"), problems(ANP + """
                metadata: {name: x}
                spec:
                  priority: 1
                  subject: {namespaces: }
                """));
    }

    @Test
    void theAdminTierDecidesFirstByPriorityAndPassHandsOverToNetworkPolicies() {
        String allowAll = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: only-8080, namespace: a}
                spec: {podSelector: {}, ingress: [{ports: [{port: 8080}]}]}
                ---
                """;
        String deny = ANP + """
                metadata: {name: deny}
                spec:
                  priority: 20
                  subject: {namespaces: {matchLabels: {team: x}}}
                  ingress: [{name: all, action: Deny, from: [{namespaces: {}}]}]
                ---
                """;
        String pass = ANP + """
                metadata: {name: pass}
                spec:
                  priority: 10
                  subject: {namespaces: {matchLabels: {team: x}}}
                  ingress: [{name: b, action: Pass, from: [{namespaces: {matchLabels: {team: y}}}]}]
                """;
        Analyzer denied = analyzer(allowAll + deny);
        assertFalse(allowed(denied, "client", "web", "TCP", 8080), "Deny comes before the NetworkPolicy");
        Analyzer passed = analyzer(allowAll + deny + pass);
        assertTrue(allowed(passed, "client", "web", "TCP", 8080), "Pass at priority 10 skips the Deny at 20: the NetworkPolicy decides");
        assertFalse(allowed(passed, "client", "web", "TCP", 80), "the NetworkPolicy admits 8080 only");
        Explanation e = passed.explain(pod(passed, "client"), pod(passed, "web"), "TCP", 80);
        assertTrue(e.ingress().summary().startsWith("passed on by AdminNetworkPolicy `pass` ingress rule #1 `b` (priority 10); isolated by a/only-8080"),
                e.ingress().summary());
    }

    @Test
    void theBaselineTierDecidesOnlyWhatNoNetworkPolicyIsolates() {
        Analyzer a = analyzer(BANP + """
                metadata: {name: default}
                spec:
                  subject: {namespaces: {}}
                  ingress: [{name: dns, action: Allow, from: [{namespaces: {}}], ports: [{namedPort: dns}]},
                            {name: rest, action: Deny, from: [{namespaces: {}}]}]
                """);
        assertTrue(allowed(a, "client", "web", "UDP", 5353), "the named port resolves on the destination, whatever its protocol");
        assertFalse(allowed(a, "client", "web", "TCP", 8080));
        Analyzer withPolicy = analyzer("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: open, namespace: a}
                spec: {podSelector: {}, ingress: [{}]}
                ---
                """ + BANP + """
                metadata: {name: default}
                spec:
                  subject: {namespaces: {}}
                  ingress: [{name: rest, action: Deny, from: [{namespaces: {}}]}]
                """);
        assertTrue(allowed(withPolicy, "client", "web", "TCP", 8080), "a NetworkPolicy isolating the pod comes before the Baseline tier");
    }

    @Test
    void nodesAndNetworksPeersMatchAddressesPodsIncludedAndDomainNamesAreReportedAsDependingOnDns() {
        Analyzer a = analyzer(CNP + """
                metadata: {name: egress}
                spec:
                  tier: Admin
                  priority: 5
                  subject: {namespaces: {matchLabels: {team: x}}}
                  egress:
                  - {name: dns-names, action: Accept, to: [{domainNames: ["*.example.com"]}]}
                  - {name: nodes, action: Deny, to: [{nodes: {matchLabels: {role: worker}}}]}
                  - {name: pods, action: Deny, to: [{networks: [10.0.0.2/32]}], protocols: [{udp: {destinationPort: {range: {start: 50, end: 60}}}}]}
                """);
        assertFalse(allowed(a, "web", "agent", "TCP", 80), "the host-network pod is at its node's address, which the nodes peer selects");
        assertFalse(allowed(a, "web", "client", "UDP", 53), "networks match pod addresses too");
        assertTrue(allowed(a, "web", "client", "UDP", 61));
        Explanation e = a.explain(pod(a, "web"), Node.ExternalNode.parse("93.184.216.34"), "TCP", 443);
        assertTrue(e.allowed());
        assertTrue(e.egress().summary().contains("depends on DNS: ClusterNetworkPolicy `egress` egress rule #1 `dns-names` (priority 5) (ACCEPT) if 93.184.216.34 is one of [*.example.com]"),
                e.egress().summary());
        assertTrue(ClusterPolicyWarnings.of(a.cluster()).stream().anyMatch(w -> w.contains("names domains [*.example.com]: which addresses they are depends on DNS")));
    }

    @Test
    void theOpenChoicesAreWarnedAbout() {
        Analyzer a = analyzer(ANP + """
                metadata: {name: one}
                spec:
                  priority: 7
                  subject: {namespaces: {}}
                  ingress: [{name: none, action: Deny, from: []}]
                ---
                """ + ANP + """
                metadata: {name: two}
                spec:
                  priority: 7
                  subject: {namespaces: {}}
                  ingress: [{name: all, action: Allow, from: [{namespaces: {}}]}]
                """);
        List<String> w = ClusterPolicyWarnings.of(a.cluster());
        assertTrue(w.stream().anyMatch(s -> s.startsWith("Admin-tier policies AdminNetworkPolicy `one`, AdminNetworkPolicy `two` share priority 7")), w.toString());
        assertTrue(w.stream().anyMatch(s -> s.contains("ingress rule #1 `none` (priority 7) has no peer (the API server requires one): read as matching every peer")), w.toString());
        assertFalse(allowed(a, "client", "web", "TCP", 80), "in name order `one` comes first, and its empty Deny fails closed");
    }
}
