package dev.esnetpol.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ovn-kubernetes profile (docs/analyzer-semantics.md), on the OpenShift namespace dump and a probe whose
 * policies admit by namespace labels. Red Hat, OpenShift Container Platform, Networking, "About network policy":
 * "Pods with host networking enabled are unaffected by network policy rules. However, pods connecting to the
 * host-networked pods might be affected"; the ingress controller is admitted by the namespace label
 * {@code policy-group.network.openshift.io/ingress} (legacy {@code network.openshift.io/policy-group: ingress}); host-network
 * traffic by {@code policy-group.network.openshift.io/host-network}, which OpenShift puts on openshift-host-network.
 */
class OvnKubernetesProfileTest {

    private static final String NODE_EXPORTER = "openshift-monitoring/node-exporter-7hq2m";

    private static CliRun explain(String from, String to, String port, String... more) {
        String[] args = {"explain", "--from", from, "--to", to, "--port", port, "-f", PlatformTest.DUMP.toString(),
                "-f", "src/test/resources/openshift/host-network-probe.yaml"};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return CliRun.run(all);
    }

    @Test
    void hostNetworkTrafficIsNotItsOwnNamespacesTraffic() {
        CliRun ovn = explain(NODE_EXPORTER, "probe/target", "8080");
        assertTrue(ovn.out().startsWith("DENIED") && ovn.out().contains("(profile ovn-kubernetes)"), ovn.out());
        assertTrue(ovn.out().contains("matched as namespace openshift-host-network's"), ovn.out());
        assertTrue(ovn.out().contains("under profile reference: ALLOWED"), "reference reads it as a pod of openshift-monitoring: " + ovn.out());
    }

    @Test
    void theHostNetworkPolicyGroupSelectsItByANamespaceSelectorAlone() {
        CliRun alone = explain(NODE_EXPORTER, "probe/target", "8081");
        assertTrue(alone.out().startsWith("ALLOWED"), alone.out());
        assertTrue(alone.out().contains("a namespace selector selecting host-network traffic"), alone.out());
        CliRun withPods = explain(NODE_EXPORTER, "probe/target", "8082");
        assertTrue(withPods.out().startsWith("DENIED"), "host-network traffic carries no pod labels: " + withPods.out());
        CliRun reference = explain(NODE_EXPORTER, "probe/target", "8081", "--profile", "reference");
        assertTrue(reference.out().startsWith("DENIED"), reference.out());
    }

    @Test
    void theIngressPolicyGroupSelectsTheRouterOnEitherNetwork() {
        // The router on the pod network is a pod of openshift-ingress, which carries the label; on the host network
        // (the HostNetwork endpoint strategy) its traffic is openshift-host-network's, which carries it too.
        assertTrue(explain("openshift-ingress/router-default-7d9f8c6b5-h2j4k", "probe/target", "8083").out().startsWith("ALLOWED"));
        assertTrue(explain(NODE_EXPORTER, "probe/target", "8083").out().startsWith("ALLOWED"));
        assertTrue(explain("openshift-monitoring/prometheus-k8s-0", "probe/target", "8083").out().startsWith("DENIED"));
    }

    @Test
    void aHostNetworkPodIsSelectedByNoPolicy() {
        CliRun ovn = explain("openshift-monitoring/prometheus-k8s-0", NODE_EXPORTER, "9100");
        assertEquals(0, ovn.code(), ovn.out());
        assertTrue(ovn.out().startsWith("ALLOWED") && ovn.out().contains("under profile reference: DENIED"), ovn.out());
    }

    @Test
    void reviewReportsAFlowTheProfilesDisagreeOnAsDependingOnTheNetworkPlugin() throws java.io.IOException {
        // A foreign policy admitting openshift-monitoring to a broker port no row opens: Prometheus is EXCESS on every
        // profile; node-exporter (host network) only where it counts as a pod of openshift-monitoring (reference).
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("openshift-foreign");
        for (String f : new String[] {"resources.yaml", "namespaces.yaml", "pods.yaml", "policies.yaml"}) {
            java.nio.file.Files.copy(PlatformTest.DUMP.resolve(f), dir.resolve(f));
        }
        java.nio.file.Files.writeString(dir.resolve("foreign.yaml"), """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: monitoring-jmx, namespace: orders}
                spec:
                  podSelector: {matchLabels: {eventstreams.ibm.com/pool-name: brokers}}
                  ingress:
                    - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: openshift-monitoring}}}]
                      ports: [{port: 9999}]
                """);
        CliRun review = CliRun.run("review", "-f", dir.toString(), "-n", "orders");
        assertEquals(1, review.code(), review.out() + review.err());
        String out = review.out();
        // One finding for the foreign rule, with the peer it lets in (findings grouped by cause).
        assertTrue(out.contains("EXCESS   orders/monitoring-jmx ingress rule #1") && out.contains("opens TCP 9999 from openshift-monitoring/prometheus-k8s-0"), out);
        assertTrue(out.contains("allowed on reference") && out.contains("denied on ovn-kubernetes"), out);
        assertTrue(out.contains("node-exporter-7hq2m"), out);
    }

    @Test
    void withoutAnOpenShiftSignTheDefaultStaysReference() {
        CliRun r = CliRun.run("explain", "--from", "openshift-monitoring/prometheus-k8s-0", "--to", "probe/target", "--port", "8080",
                "-f", "src/test/resources/openshift/host-network-probe.yaml", "-f", "src/test/resources/openshift/no-openshift-pod.yaml");
        assertTrue(r.out().contains("(profile reference)"), r.out() + r.err());
    }
}
