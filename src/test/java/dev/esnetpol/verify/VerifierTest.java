package dev.esnetpol.verify;

import dev.esnetpol.analyze.Connections;
import dev.esnetpol.analyze.Explanation;
import dev.esnetpol.analyze.Node;
import dev.esnetpol.analyze.PortSet;
import dev.esnetpol.catalogue.Component;
import dev.esnetpol.cli.CliRun;
import dev.esnetpol.cli.VerifyCommandAccess;
import dev.esnetpol.generate.GeneratorOptions;
import dev.esnetpol.generate.PolicyGenerator;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.testing.Fixtures;
import dev.esnetpol.testing.RandomInstallations;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** verify finds nothing on what es-netpol renders, and finds exactly what a test breaks. */
class VerifierTest {

    private static final String PRODUCTION = "examples/eventstreams-production.yaml";

    @ParameterizedTest
    @ValueSource(strings = {"examples/eventstreams-quickstart.yaml", PRODUCTION, "examples/eventstreams-connect-georep.yaml"})
    void everyExampleIsAsDocumented(String example) {
        CliRun r = CliRun.run("verify", "-f", example);
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains(" 0 missing;") && r.out().contains(" 0 excess; "), r.out());
        // What the documentation opens to anywhere by default is said, and does not fail verify: metrics and DNS everywhere.
        assertTrue(r.out().contains("grant(s) open to anywhere by default") && r.out().contains("OPEN     "), r.out());
    }

    @Test
    void broadGrantsAreOpenOncePerRuleWithTheFlagThatNarrowsThem() {
        CliRun r = CliRun.run("verify", "-f", PRODUCTION);
        assertEquals(0, r.code(), "exit code unchanged: " + r.out());
        // The brokers' egress rule lets DNS and the API server out to any address: one entry for the rule, both kinds in it.
        String kafkaEgress = block(r.out(), "OPEN     es-prod/production-kafka-netpol egress rule #1");
        assertTrue(kafkaEgress.contains("egress to the Kubernetes API server's ports at any address: 443/TCP,6443/TCP")
                && kafkaEgress.contains("egress to the DNS ports at any address: 53/UDP,53/TCP")
                && kafkaEgress.contains("narrowed by --api-server-cidr"), kafkaEgress);
        assertEquals(1, r.out().split("OPEN     es-prod/production-kafka-netpol egress rule #1", -1).length - 1, r.out());
        assertTrue(block(r.out(), "OPEN     es-prod/production-kafka-netpol ingress rule #4").contains("9404/TCP,9999/TCP"), r.out());
        assertTrue(r.out().contains("narrowed by --metrics-from (Helm eventStreamsMetricsFrom)"), r.out());
        assertEquals(1, CliRun.run("verify", "-f", PRODUCTION, "--strict").code(), "--strict fails on them");

        CliRun narrowed = CliRun.run("verify", "-f", PRODUCTION, "--api-server-cidr", "10.0.0.1/32",
                "--metrics-from", "{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}");
        assertEquals(0, narrowed.code(), narrowed.out());
        assertFalse(narrowed.out().contains("API server's ports at any address") || narrowed.out().contains("metrics and readiness"),
                narrowed.out());
        assertTrue(narrowed.out().contains("DNS ports at any address"), "nothing narrows DNS yet: " + narrowed.out());

    }

    @Test
    void aKafkaConnectWithoutItsEgressAnnotationIsOpenToAnywhere(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path example = dir.resolve("connect.yaml");
        java.nio.file.Files.writeString(example, java.nio.file.Files.readString(java.nio.file.Path.of("examples/eventstreams-connect-georep.yaml"))
                .replace("    es-netpol/external-egress: \"10.30.0.0/16:5432/TCP\"\n", "    note: none\n"));
        CliRun connect = CliRun.run("verify", "-f", example.toString());
        assertEquals(0, connect.code(), connect.out() + connect.err());
        String open = block(connect.out(), "OPEN     es-geo/connectors-kafka-connect-netpol egress rule #");
        assertTrue(open.contains("egress to any address on any port (connectors, remote clusters): all/TCP,all/UDP")
                && open.contains("narrowed by the annotation es-netpol/external-egress"), open);
    }

    /** The lines of one OPEN entry, from its first line to the next entry. */
    private static String block(String out, String first) {
        int start = out.indexOf(first);
        assertTrue(start >= 0, first + " in " + out);
        int end = out.indexOf("\nOPEN ", start + 1);
        int summary = out.indexOf("\nverify: ", start);
        return out.substring(start, end < 0 ? summary : Math.min(end, summary));
    }

    @Test
    void theSwitchesKeepItClean() {
        assertEquals(0, CliRun.run("verify", "-f", PRODUCTION, "--egress=false").code());
        assertEquals(0, CliRun.run("verify", "-f", PRODUCTION, "--operator-namespace-labels", "team=platform").code());
        assertEquals(0, CliRun.run("verify", "-f", PRODUCTION, "--api-server-cidr", "10.0.0.1/32").code());
    }

    private static List<NetworkPolicy> rendered() {
        List<EventStreamsResource> resources = Fixtures.fromResource("../../../../examples/eventstreams-production.yaml");
        return new PolicyGenerator(GeneratorOptions.defaults()).generate(resources, null);
    }

    private static NetworkPolicy named(List<NetworkPolicy> policies, String name) {
        return policies.stream().filter(p -> p.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    private static NetworkPolicyIngressRule ruleWithPort(NetworkPolicy p, int port) {
        return p.getSpec().getIngress().stream().filter(r -> r.getPorts().stream().anyMatch(x -> x.getPort().getIntVal() == port))
                .findFirst().orElseThrow();
    }

    private static Path write(Path dir, List<NetworkPolicy> policies) throws IOException {
        Path file = dir.resolve("policies.yaml");
        StringBuilder sb = new StringBuilder();
        policies.forEach(p -> sb.append("---\n").append(Serialization.asYaml(p).replaceFirst("^---\n", "")));
        Files.writeString(file, sb.toString());
        return file;
    }

    @Test
    void aRemovedPeerIsAMissingFlowNamingThePolicy(@TempDir Path dir) throws IOException {
        List<NetworkPolicy> policies = rendered();
        NetworkPolicyIngressRule replication = ruleWithPort(named(policies, "production-kafka-netpol"), 9091);
        assertTrue(replication.getFrom().removeIf(peer -> peer.getNamespaceSelector() != null), "the operator's peer was there");
        CliRun r = CliRun.run("verify", "-f", PRODUCTION, "--policies", write(dir, policies).toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("MISSING  es-netpol-probe-operator/probe-cluster-operator -> es-prod/production-kafka-0  TCP 9091"), r.out());
        assertTrue(r.out().contains("ingress of es-prod/production-kafka-0: "
                + dev.esnetpol.kube.Messages.noRuleAdmits(java.util.List.of("es-prod/production-kafka-netpol"), 9091, "TCP")), r.out());
        assertTrue(r.out().contains(" 1 missing;"), r.out());
    }

    @Test
    void aMissingFlowIsDataTheEndsWithTheirRolesTheFlowAndTheBlockingPolicy() {
        List<NetworkPolicy> policies = rendered();
        assertTrue(ruleWithPort(named(policies, "production-kafka-netpol"), 9091).getFrom().removeIf(peer -> peer.getNamespaceSelector() != null));
        VerifyReport report = new Verifier(GeneratorOptions.defaults()).verify(production(), null, Optional.of(policies), List.of());
        assertEquals(1, report.missing().size(), report.findings().toString());
        Finding f = report.missing().get(0);
        assertEquals(new Role.ClusterOperator(true), f.from().role());
        Role.Component to = f.to().role().component().orElseThrow();
        assertEquals("production", to.installation());
        assertEquals(Component.KAFKA, to.group().component());
        assertEquals(0, to.replica());
        assertEquals(Connections.of("TCP", PortSet.of(9091)), f.connections());
        assertEquals(9091, f.flow().orElseThrow().port());
        assertEquals(Finding.Where.END_TO_END, f.where());
        Explanation.Side blocking = f.decisions().stream().filter(Explanation.Side::ingress).findFirst().orElseThrow();
        assertEquals(List.of("es-prod/production-kafka-netpol"), blocking.isolatingPolicies());
        assertEquals(List.of(), blocking.admittingRules());
        assertTrue(f.profiles().isEmpty(), "one analyzer profile: no per-profile verdicts");
    }

    @Test
    void anExcessFlowNamesTheAdmittingRuleAndTheEndsRoles() {
        List<NetworkPolicy> policies = rendered();
        ruleWithPort(named(policies, "production-kafka-netpol"), 9091).setFrom(new ArrayList<>());
        VerifyReport report = new Verifier(GeneratorOptions.defaults()).verify(production(), null, Optional.of(policies), List.of());
        Finding f = report.excess().stream().filter(x -> x.from().role() instanceof Role.OtherNamespace).findFirst().orElseThrow();
        assertEquals(Finding.Where.INGRESS_OF_DESTINATION, f.where());
        assertEquals(Component.KAFKA, f.to().role().component().orElseThrow().group().component());
        assertEquals(Connections.of("TCP", PortSet.of(9091)), f.connections());
        assertTrue(f.flow().isEmpty(), "not a documented flow");
        assertTrue(f.decisions().get(0).admittingRules().get(0).startsWith("es-prod/production-kafka-netpol ingress rule #2"), f.decisions().toString());
        // Every excess is on the kafka pods' ingress side, from an end that is not one of the documented 9091 peers.
        for (Finding x : report.excess()) {
            assertEquals(Component.KAFKA, x.to().role().component().orElseThrow().group().component(), x.text());
            assertTrue(!(x.from().role() instanceof Role.ClusterOperator), "the operator is documented on 9091: " + x.text());
        }
    }

    @Test
    void manyInstancesInOneNamespaceAreCheckedEachOnceAndABreakStaysWithItsInstance() {
        String one = readExample();
        StringBuilder yaml = new StringBuilder();
        for (int n = 1; n <= 4; n++) {
            yaml.append("---\n").append(one.replace("name: production\n", "name: p" + n + "\n"));
        }
        List<EventStreamsResource> resources = Fixtures.fromYaml(yaml.toString());
        VerifyReport single = new Verifier(GeneratorOptions.defaults()).verify(production(), null, Optional.empty(), List.of());
        VerifyReport four = new Verifier(GeneratorOptions.defaults()).verify(resources, null, Optional.empty(), List.of());
        assertTrue(four.clean(), four.findings().toString());
        assertEquals(4 * single.flowsChecked(), four.flowsChecked(), "each installation's flows checked once");
        assertEquals(4 * single.components().size(), four.components().size());

        List<NetworkPolicy> policies = new PolicyGenerator(GeneratorOptions.defaults()).generate(resources, null);
        ruleWithPort(named(policies, "p3-kafka-netpol"), 9091).getFrom().removeIf(peer -> peer.getNamespaceSelector() != null);
        VerifyReport broken = new Verifier(GeneratorOptions.defaults()).verify(resources, null, Optional.of(policies), List.of());
        assertEquals(1, broken.missing().size(), broken.findings().toString());
        assertEquals("p3", broken.missing().get(0).to().role().component().orElseThrow().installation());
        assertTrue(broken.excess().isEmpty());
    }

    @Test
    void jsonCarriesTheFindingAsData(@TempDir Path dir) throws IOException {
        List<NetworkPolicy> policies = rendered();
        assertTrue(ruleWithPort(named(policies, "production-kafka-netpol"), 9091).getFrom().removeIf(peer -> peer.getNamespaceSelector() != null));
        CliRun r = CliRun.run("verify", "-f", PRODUCTION, "--policies", write(dir, policies).toString(), "-o", "json");
        assertEquals(1, r.code(), r.out());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        var f = json.path("missing").get(0);
        assertEquals("cluster-operator-stand-in", f.path("from").path("role").asText());
        assertEquals("component-stand-in", f.path("to").path("role").asText(), "no pod runs: verify made it up");
        assertEquals("production-kafka-0", f.path("to").path("pod").asText());
        assertEquals("9091", f.path("connections").path("TCP").asText());
        assertEquals("SPEC_BOTH", f.path("flow").path("basis").asText(), f.toString());
        assertEquals("es-prod/production-kafka-netpol", f.path("decisions").get(0).path("isolatingPolicies").get(0).asText(), f.toString());
        assertEquals(0, json.path("excess").size());
    }

    @Test
    void progressIsQuietForAQuickRunAndTalksAfterTheThreshold() {
        java.io.StringWriter quiet = new java.io.StringWriter();
        new Verifier(GeneratorOptions.defaults(), Progress.after(60_000, new java.io.PrintWriter(quiet)))
                .verify(production(), null, Optional.empty(), List.of());
        assertEquals("", quiet.toString());
        java.io.StringWriter talk = new java.io.StringWriter();
        new Verifier(GeneratorOptions.defaults(), Progress.after(-1, new java.io.PrintWriter(talk)))
                .verify(production(), null, Optional.empty(), List.of());
        assertTrue(talk.toString().startsWith("verify: documented flows, installations, 1/1, "), talk.toString());
        assertEquals(1, talk.toString().lines().count(), "at most one line a second: " + talk);
    }

    private static List<EventStreamsResource> production() {
        return Fixtures.fromResource("../../../../examples/eventstreams-production.yaml");
    }

    private static String readExample() {
        try {
            return Files.readString(Path.of(PRODUCTION));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aWidenedRuleIsAnExcessFlowNamingTheRule(@TempDir Path dir) throws IOException {
        List<NetworkPolicy> policies = rendered();
        ruleWithPort(named(policies, "production-kafka-netpol"), 9091).setFrom(new ArrayList<>());
        CliRun r = CliRun.run("verify", "-f", PRODUCTION, "--policies", write(dir, policies).toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("EXCESS   es-netpol-probe-elsewhere/probe-elsewhere -> es-prod/production-kafka-0  TCP 9091"), r.out());
        assertTrue(r.out().contains("admitted by es-prod/production-kafka-netpol ingress rule #2 (any peer"), r.out());
        assertTrue(r.out().contains(" 0 missing;"), r.out());
    }

    /**
     * Peers that no stand-in is (a namespace with some labels, pods of the namespace with some labels) come from the
     * exposure analysis: the stand-ins of another namespace and of the namespace carry none of those labels, and the
     * old stand-ins alone reported these policies clean.
     */
    @Test
    void aRuleOpenToNamespacesOrPodsByLabelIsExcessFromTheExposedPeer(@TempDir Path dir) throws IOException {
        List<NetworkPolicy> policies = rendered();
        ruleWithPort(named(policies, "production-kafka-netpol"), 9091).getFrom().addAll(List.of(
                new io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder().withNewNamespaceSelector()
                        .addToMatchLabels("team", "ops").endNamespaceSelector().build(),
                new io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder().withNewPodSelector()
                        .addToMatchLabels("app", "debug").endPodSelector().build()));
        CliRun r = CliRun.run("verify", "-f", PRODUCTION, "--policies", write(dir, policies).toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("EXCESS   [namespace with {team=ops}]/[all pods] -> es-prod/production-kafka-0  TCP 9091"), r.out());
        assertTrue(r.out().contains("EXCESS   es-prod/[pod with {app=debug}] -> es-prod/production-kafka-0  TCP 9091"), r.out());
        assertTrue(r.out().contains("admitted by es-prod/production-kafka-netpol ingress rule #"), r.out());
        assertFalse(r.out().contains("probe-elsewhere"), r.out());
        assertTrue(r.out().contains(" 0 missing;"), r.out());
    }

    /**
     * Outside addresses are the exposure analysis's ranges: a block that does not hold the outside stand-in
     * (203.0.113.10) is checked through its first address, where the stand-in alone reported nothing.
     */
    @Test
    void aRuleOpenToAnOutsideBlockIsExcessFromThatRange(@TempDir Path dir) throws IOException {
        List<NetworkPolicy> policies = rendered();
        ruleWithPort(named(policies, "production-kafka-netpol"), 9091).getFrom().add(
                new io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder().withNewIpBlock().withCidr("192.168.0.0/16").endIpBlock().build());
        CliRun r = CliRun.run("verify", "-f", PRODUCTION, "--policies", write(dir, policies).toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("EXCESS   192.168.0.0 -> es-prod/production-kafka-0  TCP 9091"), r.out());
        assertFalse(r.out().contains("203.0.113.10 -> es-prod/production-kafka-0"), r.out());
        assertTrue(r.out().contains(" 0 missing;"), r.out());
    }

    @Test
    void aWidenedEgressIsAnExcessFlow(@TempDir Path dir) throws IOException {
        List<NetworkPolicy> policies = rendered();
        named(policies, "production-zookeeper-netpol").getSpec().getEgress().add(new NetworkPolicyEgressRuleBuilder().build());
        CliRun r = CliRun.run("verify", "-f", PRODUCTION, "--policies", write(dir, policies).toString());
        assertEquals(1, r.code());
        // The production example's route listener makes it OpenShift's: DNS is 53 and 5353, so both stay out of the excess.
        assertTrue(r.out().contains("EXCESS   es-prod/production-zookeeper-0 -> 203.0.113.10  TCP 1-52,54-5352,5354-65535,UDP 1-52,54-5352,5354-65535,SCTP 1-65535"), r.out());
        assertTrue(r.out().contains("egress of es-prod/production-zookeeper-0: admitted by es-prod/production-zookeeper-netpol egress rule #"), r.out());
    }

    @Test
    void aDeletedPolicyShowsAsExcess(@TempDir Path dir) throws IOException {
        List<NetworkPolicy> policies = rendered();
        policies.removeIf(p -> p.getMetadata().getName().equals("production-admin-ui-netpol"));
        CliRun r = CliRun.run("verify", "-f", PRODUCTION, "--policies", write(dir, policies).toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("no policy selects es-prod/production-ibm-es-ui-0 for ingress: everything is allowed"), r.out());
    }

    @Test
    void aForeignDenyInTheOperatorsNamespaceBlocksItsFlows() {
        CliRun r = CliRun.run("verify", "-f", PRODUCTION, "--operator-namespace-labels", "kubernetes.io/metadata.name=es-operator",
                "--foreign", "src/test/resources/verify/operator-namespace-deny-egress.yaml");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("MISSING  es-operator/probe-cluster-operator -> es-prod/production-kafka-0  TCP 9091"), r.out());
        assertTrue(r.out().contains("egress of es-operator/probe-cluster-operator: isolated by es-operator/default-deny-egress"), r.out());
    }

    @Test
    void aDefaultDenyNamespaceKeepsTheInstanceWorking() {
        VerifyReport report = new Verifier(GeneratorOptions.defaults()).verify(
                Fixtures.fromResource("../../../../examples/eventstreams-production.yaml"), null, Optional.empty(),
                VerifyCommandAccess.policies("src/test/resources/verify/instance-namespace-deny-all.yaml"));
        assertFalse(report.missing().isEmpty(), "the namespace's other pods lose their way out");
        for (Finding f : report.missing()) {
            assertTrue(f.from().role().component().isEmpty(), "a flow of the instance's own pods broke: " + f.text());
            assertEquals("es-prod", ((Node.PodNode) f.from().node()).pod().namespace(), "a stand-in of the instance's namespace: " + f.text());
        }
        assertTrue(report.excess().isEmpty());
    }

    @Test
    void anOperatorPeerWiderThanTheOptionSaysIsExcess(@TempDir Path dir) throws IOException {
        // Rendered for any namespace, verified against policies that should admit only team=platform.
        Path policies = write(dir, rendered());
        CliRun r = CliRun.run("verify", "-f", PRODUCTION, "--operator-namespace-labels", "team=platform", "--policies", policies.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("EXCESS   es-netpol-probe-elsewhere/probe-operator-lookalike -> es-prod/production-kafka-0  TCP 9091"), r.out());
    }

    @Test
    void badPoliciesFileIsAnError() {
        CliRun r = CliRun.run("verify", "-f", PRODUCTION, "--policies", PRODUCTION);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("expected a NetworkPolicy (networking.k8s.io/v1), found EventStreams"), r.err());
        assertEquals("", r.out());
    }

    @Provide
    Arbitrary<String> installations() {
        return RandomInstallations.installations();
    }

    /** Whatever the configuration, what es-netpol renders is exactly what the catalogue documents. */
    @Property(tries = 60)
    void renderedPoliciesAlwaysVerify(@ForAll("installations") String yaml) {
        VerifyReport report = new Verifier(GeneratorOptions.defaults()).verify(Fixtures.fromYaml(yaml), null, Optional.empty(), List.of());
        assertTrue(report.clean(), () -> yaml + "\n" + report.findings().stream().map(FindingText::of).reduce("", String::concat));
    }
}
