package dev.esnetpol.analyze;

import dev.esnetpol.input.InvalidInputException;
import dev.esnetpol.input.YamlSources;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One test per rule of networking.k8s.io/v1 NetworkPolicy semantics, each on the smallest cluster that shows it. */
class SemanticsTest {

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
            kind: Pod
            metadata: {name: web, namespace: a, labels: {app: web}}
            spec:
              containers:
                - name: c
                  ports: [{name: http, containerPort: 8080}, {name: dns, containerPort: 5353, protocol: UDP}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: db, namespace: a, labels: {app: db, tier: data}}
            spec: {containers: [{name: c}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: client, namespace: b, labels: {app: client}}
            spec: {containers: [{name: c}]}
            """;

    private static Analyzer analyzer(String policies) {
        return Analyzer.of(ClusterLoader.load(YamlSources.parse("test.yaml", PODS + "---\n" + policies)).cluster());
    }

    private static Pod pod(Analyzer a, String name) {
        return a.cluster().pods().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static Connections between(Analyzer a, String from, String to) {
        return a.allowed(Node.of(pod(a, from)), Node.of(pod(a, to)));
    }

    private static String policy(String name, String ns, String spec) {
        return "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: " + name + ", namespace: " + ns + "}\nspec:\n"
                + spec.indent(2) + "---\n";
    }

    @Test
    void withoutPoliciesEverythingIsAllowed() {
        Analyzer a = analyzer("");
        assertTrue(between(a, "client", "web").isAll());
        assertFalse(a.isolatedForIngress(pod(a, "web")));
    }

    @Test
    void aPolicyWithoutRulesIsolatesItsPods() {
        Analyzer a = analyzer(policy("deny", "a", "podSelector: {matchLabels: {app: web}}\npolicyTypes: [Ingress]"));
        assertTrue(between(a, "client", "web").isEmpty());
        assertTrue(between(a, "client", "db").isAll(), "db is not selected");
        assertTrue(between(a, "web", "client").isAll(), "egress untouched");
    }

    @Test
    void absentPolicyTypesMeanIngressAndEgressOnlyWithEgressRules() {
        Analyzer ingressOnly = analyzer(policy("p", "a", "podSelector: {}\ningress: []"));
        assertTrue(ingressOnly.isolatedForIngress(pod(ingressOnly, "web")));
        assertFalse(ingressOnly.isolatedForEgress(pod(ingressOnly, "web")));
        Analyzer both = analyzer(policy("p", "a", "podSelector: {}\negress: [{ports: [{port: 53, protocol: UDP}]}]"));
        assertTrue(both.isolatedForEgress(pod(both, "web")));
        assertEquals(Connections.of("UDP", PortSet.of(53)), between(both, "web", "client"));
    }

    @Test
    void emptyFromIsEveryoneAbsentIngressIsNoOne() {
        Analyzer open = analyzer(policy("p", "a", "podSelector: {matchLabels: {app: web}}\ningress: [{}]"));
        assertTrue(between(open, "client", "web").isAll());
        Analyzer closed = analyzer(policy("p", "a", "podSelector: {matchLabels: {app: web}}\npolicyTypes: [Ingress]"));
        assertTrue(between(closed, "client", "web").isEmpty());
    }

    @Test
    void policiesAddUp() {
        Analyzer a = analyzer(policy("one", "a", "podSelector: {matchLabels: {app: web}}\ningress: [{ports: [{port: 80}]}]")
                + policy("two", "a", "podSelector: {matchLabels: {app: web}}\ningress: [{ports: [{port: 443}]}]"));
        assertEquals(Connections.of("TCP", PortSet.of(80).union(PortSet.of(443))), between(a, "client", "web"));
    }

    @Test
    void bothSidesMustAllow() {
        Analyzer a = analyzer(policy("in", "a", "podSelector: {matchLabels: {app: web}}\ningress: [{ports: [{port: 80}, {port: 81}]}]")
                + policy("out", "b", "podSelector: {}\npolicyTypes: [Egress]\negress: [{ports: [{port: 81}, {port: 82}]}]"));
        assertEquals(Connections.of("TCP", PortSet.of(81)), between(a, "client", "web"));
    }

    @Test
    void podSelectorAloneMeansThePolicysNamespace() {
        Analyzer a = analyzer(policy("p", "a", "podSelector: {matchLabels: {app: web}}\ningress: [{from: [{podSelector: {}}]}]"));
        assertTrue(between(a, "db", "web").isAll());
        assertTrue(between(a, "client", "web").isEmpty(), "client is in another namespace");
    }

    @Test
    void namespaceAndPodSelectorInOnePeerAreAnded() {
        Analyzer a = analyzer(policy("p", "a", """
                podSelector: {matchLabels: {app: web}}
                ingress:
                  - from:
                      - namespaceSelector: {matchLabels: {team: y}}
                        podSelector: {matchLabels: {app: db}}
                """));
        assertTrue(between(a, "client", "web").isEmpty(), "right namespace, wrong pod");
        assertTrue(between(a, "db", "web").isEmpty(), "right pod, wrong namespace");
    }

    @Test
    void namespaceAndPodSelectorInTwoPeersAreOred() {
        Analyzer a = analyzer(policy("p", "a", """
                podSelector: {matchLabels: {app: web}}
                ingress:
                  - from:
                      - namespaceSelector: {matchLabels: {team: y}}
                      - podSelector: {matchLabels: {app: db}}
                """));
        assertTrue(between(a, "client", "web").isAll());
        assertTrue(between(a, "db", "web").isAll());
    }

    @Test
    void namespaceNameLabelIsAlwaysThere() {
        Analyzer a = analyzer(policy("p", "a", """
                podSelector: {matchLabels: {app: web}}
                ingress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: b}}}]}]
                """));
        assertTrue(between(a, "client", "web").isAll());
    }

    @Test
    void matchExpressionsOperators() {
        Map<String, String> labels = Map.of("app", "db", "tier", "data");
        assertTrue(LabelSelectors.matches(selector("tier", "In", "data", "x"), labels));
        assertFalse(LabelSelectors.matches(selector("tier", "NotIn", "data"), labels));
        assertTrue(LabelSelectors.matches(selector("zone", "NotIn", "x"), labels), "NotIn matches an absent key");
        assertTrue(LabelSelectors.matches(selector("app", "Exists"), labels));
        assertFalse(LabelSelectors.matches(selector("app", "DoesNotExist"), labels));
        assertTrue(LabelSelectors.matches(selector("zone", "DoesNotExist"), labels));
        assertFalse(LabelSelectors.matches(selector("zone", "In", "a"), labels));
    }

    private static io.fabric8.kubernetes.api.model.LabelSelector selector(String key, String operator, String... values) {
        return new io.fabric8.kubernetes.api.model.LabelSelectorBuilder().addNewMatchExpression()
                .withKey(key).withOperator(operator).withValues(values.length == 0 ? null : List.of(values)).endMatchExpression().build();
    }

    @Test
    void ipBlockWithExceptMatchesAddressesOutsideTheCluster() {
        Analyzer a = analyzer(policy("p", "a", """
                podSelector: {matchLabels: {app: web}}
                ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]}]
                """));
        Pod web = pod(a, "web");
        assertTrue(a.allowed(Node.ExternalNode.parse("10.2.3.4"), Node.of(web)).isAll());
        assertTrue(a.allowed(Node.ExternalNode.parse("10.1.3.4"), Node.of(web)).isEmpty());
        assertTrue(a.allowed(Node.ExternalNode.parse("192.168.0.1"), Node.of(web)).isEmpty());
        assertTrue(between(a, "client", "web").isEmpty(), "an ipBlock never matches a pod");
    }

    @Test
    void ipv6Blocks() {
        Analyzer a = analyzer(policy("p", "a", "podSelector: {}\npolicyTypes: [Egress]\negress: [{to: [{ipBlock: {cidr: 'fd00::/8'}}]}]"));
        assertTrue(a.allowed(Node.of(pod(a, "web")), Node.ExternalNode.parse("fd00::1")).isAll());
        assertTrue(a.allowed(Node.of(pod(a, "web")), Node.ExternalNode.parse("2001:db8::1")).isEmpty());
        assertTrue(a.allowed(Node.of(pod(a, "web")), Node.ExternalNode.parse("10.0.0.1")).isEmpty());
    }

    @Test
    void portsNumbersRangesProtocolsAndDefaultTcp() {
        Analyzer a = analyzer(policy("p", "a", """
                podSelector: {matchLabels: {app: web}}
                ingress:
                  - ports:
                      - port: 80
                      - {port: 8000, endPort: 8010, protocol: TCP}
                      - {protocol: UDP}
                      - {port: 9, protocol: SCTP}
                """));
        Connections c = between(a, "client", "web");
        assertTrue(c.allows("TCP", 80) && c.allows("TCP", 8005), "a port without protocol is TCP; endPort closes the range");
        assertFalse(c.allows("TCP", 8011));
        assertTrue(c.ports("UDP").isAll());
        assertEquals(PortSet.of(9), c.ports("SCTP"));
        assertEquals(PortSet.of(80).union(PortSet.range(8000, 8010)), c.ports("TCP"));
    }

    @Test
    void namedPortsResolveOnTheDestinationWithTheirProtocol() {
        Analyzer a = analyzer(policy("p", "a", """
                podSelector: {}
                ingress: [{ports: [{port: http}, {port: dns, protocol: UDP}, {port: dns}]}]
                """));
        assertEquals(Connections.of("TCP", PortSet.of(8080)).union(Connections.of("UDP", PortSet.of(5353))), between(a, "client", "web"));
        assertTrue(between(a, "client", "db").isEmpty(), "db has no port named http");
    }

    @Test
    void namedPortsInEgressResolveOnTheDestination() {
        Analyzer a = analyzer(policy("p", "b", "podSelector: {}\npolicyTypes: [Egress]\negress: [{ports: [{port: http}]}]"));
        assertEquals(Connections.of("TCP", PortSet.of(8080)), between(a, "client", "web"));
        assertTrue(a.allowed(Node.of(pod(a, "client")), Node.ExternalNode.parse("1.2.3.4")).isEmpty(), "no named port outside");
    }

    @Test
    void trafficToItselfIsAlwaysAllowed() {
        Analyzer a = analyzer(policy("deny", "a", "podSelector: {}\npolicyTypes: [Ingress, Egress]"));
        assertTrue(between(a, "web", "web").isAll());
        assertTrue(between(a, "web", "db").isEmpty());
    }

    @Test
    void policiesOnlySelectPodsOfTheirNamespace() {
        Analyzer a = analyzer(policy("deny", "b", "podSelector: {}\npolicyTypes: [Ingress]"));
        assertTrue(between(a, "client", "web").isAll());
        assertTrue(between(a, "web", "client").isEmpty());
    }

    @Test
    void explainNamesTheIsolatingPolicyAndTheAdmittingRule() {
        Analyzer a = analyzer(policy("web-in", "a", "podSelector: {matchLabels: {app: web}}\ningress: [{from: [{podSelector: {matchLabels: {app: db}}}], ports: [{port: 80}]}]"));
        Explanation ok = a.explain(Node.of(pod(a, "db")), Node.of(pod(a, "web")), "TCP", 80);
        assertTrue(ok.allowed());
        assertTrue(ok.ingress().admittingRules().get(0).startsWith("a/web-in ingress rule #1 (peer #1"), ok.text());
        Explanation denied = a.explain(Node.of(pod(a, "client")), Node.of(pod(a, "web")), "TCP", 80);
        assertFalse(denied.allowed());
        assertEquals(List.of("a/web-in"), denied.ingress().isolatingPolicies());
        assertTrue(denied.text().contains("DENIED") && denied.text().contains("isolated by a/web-in"), denied.text());
        assertTrue(denied.egress().allows());
    }

    @Test
    void workloadsGiveOneRepresentativePod() {
        Cluster c = ClusterLoader.load(YamlSources.parse("w.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api, namespace: 'n'}
                spec: {template: {metadata: {labels: {app: api}}, spec: {containers: [{name: c, ports: [{name: web, containerPort: 80}]}]}}}
                ---
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: nightly}
                spec: {jobTemplate: {spec: {template: {metadata: {labels: {app: job}}, spec: {containers: [{name: c}]}}}}}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: ignored}
                """)).cluster();
        assertEquals(2, c.pods().size());
        Pod api = c.pods().get(0);
        assertEquals(new Owner("Deployment", "api"), api.owner());
        assertEquals("n", api.namespace());
        assertEquals(List.of(new NamedPort("web", 80, "TCP")), api.ports());
        assertEquals("default", c.pods().get(1).namespace());
    }

    @Test
    void malformedPoliciesAreRefusedWithTheirFieldPath() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> analyzer(policy("bad", "a", """
                podSelector: {matchExpressions: [{key: app, operator: Like, values: [x]}]}
                ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/40}}], ports: [{port: 70000}, {protocol: ICMP}]}]
                """)));
        String all = e.problems().toString();
        assertTrue(all.contains("spec.podSelector.matchExpressions[0].operator"), all);
        assertTrue(all.contains("spec.ingress[0].from[0].ipBlock.cidr"), all);
        assertTrue(all.contains("spec.ingress[0].ports[0].port: port 70000 is out of range"), all);
        assertTrue(all.contains("spec.ingress[0].ports[1].protocol: unknown protocol 'ICMP'"), all);
    }
}
