package dev.esnetpol.cli;

import dev.esnetpol.testing.SharedFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform (issue 21): decided per resource from what it declares, recorded in each policy, forced by
 * {@code --platform} with a warning when the inputs look otherwise; what OpenShift changes (DNS 53 and 5353, the
 * router for narrowed route listeners, the monitoring preset). docs/generator.md, "The platform".
 */
class PlatformTest {

    static final Path DUMP = Path.of("examples/openshift-namespace");

    static List<Path> openShiftSamples() throws IOException {
        try (Stream<Path> s = Files.list(SharedFiles.resolve("samples/event-streams"))) {
            return s.filter(p -> p.getFileName().toString().contains("-openshift-")).sorted().toList();
        }
    }

    @Test
    void openShiftSamplesOpenBothDnsPorts() throws IOException {
        List<Path> samples = openShiftSamples();
        assertEquals(4, samples.size(), "IBM's OpenShift samples: " + samples);
        for (Path sample : samples) {
            CliRun r = CliRun.run("render", "-f", sample.toString(), "-n", "es");
            assertEquals(0, r.code(), sample + ": " + r.err());
            assertFalse(platformWarning(r.err()), sample + " renders unflagged: " + r.err());
            int policies = r.out().split("kind: NetworkPolicy").length - 1;
            assertTrue(policies > 0);
            assertEquals(policies, count(r.out(), "es-netpol/platform: openshift"), sample + ": every policy says openshift");
            assertEquals(policies, count(r.out(), "es-netpol/platform-reason:"), sample + ": and why");
            // Each policy lets DNS out on 53 and 5353, UDP and TCP.
            assertEquals(policies * 2, count(r.out(), "port: 5353"), sample + ":\n" + r.out());
            assertTrue(r.out().contains("port: 53\n"), sample.toString());
        }
    }

    @Test
    void forcedToKubernetesTheyOpen53OnlyAndAWarningSaysTheyLookLikeOpenShift() throws IOException {
        for (Path sample : openShiftSamples()) {
            CliRun r = CliRun.run("render", "-f", sample.toString(), "-n", "es", "--platform", "kubernetes");
            assertEquals(0, r.code(), r.err());
            assertFalse(r.out().contains("5353"), sample.toString());
            assertTrue(r.out().contains("es-netpol/platform: kubernetes") && r.out().contains("forced by --platform kubernetes"));
            assertTrue(r.err().contains("warning: EventStreams ") && r.err().contains("looks like openshift")
                    && r.err().contains("rendered with --platform kubernetes"), sample + ": " + r.err());
        }
    }

    @Test
    void aKubernetesResourceStaysKubernetesAndForcedToOpenShiftIsWarned() {
        Path kubernetes = SharedFiles.resolve("samples/event-streams/03-es-11.8.0-kubernetes-minimal-prod-separate-pools.yaml");
        CliRun r = CliRun.run("render", "-f", kubernetes.toString(), "-n", "es");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("es-netpol/platform: kubernetes") && !r.out().contains("5353"), r.out());
        assertFalse(platformWarning(r.err()), r.err());
        CliRun forced = CliRun.run("render", "-f", kubernetes.toString(), "-n", "es", "--platform", "openshift");
        assertTrue(forced.out().contains("port: 5353"));
        assertTrue(forced.err().contains("looks like kubernetes") && forced.err().contains("--platform openshift"), forced.err());
    }

    @Test
    void theReasonNamesWhatDecided() {
        CliRun route = CliRun.run("render", "-f", "examples/eventstreams-production.yaml");
        assertTrue(route.out().contains("es-netpol/platform-reason: \"listener 'external' is of type route, which only OpenShift serves\""), route.out());
        Path light = SharedFiles.resolve("samples/event-streams/02-es-11.8.0-openshift-light-insecure-dualrole.yaml");
        CliRun label = CliRun.run("render", "-f", light.toString(), "-n", "es");
        assertTrue(label.out().contains("backup.eventstreams.ibm.com/component"), label.out());
        // An *.openshift.io object among the inputs says OpenShift for a resource that says nothing itself.
        CliRun withRoute = CliRun.run("render", "-f", "examples/eventstreams-kraft-dualrole.yaml", "-f", "src/test/resources/openshift/route.yaml");
        assertEquals(0, withRoute.code(), withRoute.err());
        assertTrue(withRoute.out().contains("the inputs hold Route"), withRoute.out());
        CliRun without = CliRun.run("render", "-f", "examples/eventstreams-kraft-dualrole.yaml");
        assertTrue(without.out().contains("es-netpol/platform: kubernetes"), without.out());
    }

    @Test
    void anUnknownPlatformIsRefused() {
        CliRun r = CliRun.run("render", "-f", "examples/eventstreams-production.yaml", "--platform", "openshfit");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--platform") && r.err().contains("kubernetes, openshift"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void metricsFromOpenShiftNamesBothMonitoringNamespaces() {
        CliRun r = CliRun.run("render", "-f", "examples/eventstreams-production.yaml", "--metrics-from", "openshift");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("kubernetes.io/metadata.name: openshift-monitoring"), r.out());
        assertTrue(r.out().contains("kubernetes.io/metadata.name: openshift-user-workload-monitoring"), r.out());
    }

    @Test
    void aNarrowedRouteListenerKeepsTheRouter() throws IOException {
        Path narrowed = narrowedDump();
        CliRun rendered = CliRun.run("render", "-f", narrowed.resolve("resources.yaml").toString());
        assertTrue(rendered.out().contains("policy-group.network.openshift.io/ingress: \"\"")
                && rendered.out().contains("network.openshift.io/policy-group: ingress"), rendered.out());
        // explain with the rendered policies (the dump's own are replaced by the rendered ones of the same name).
        CliRun router = CliRun.run("explain", "--from", "openshift-ingress/router-default-7d9f8c6b5-h2j4k", "--to",
                "orders/orders-brokers-0", "--port", "9094", "-f", narrowed.toString());
        assertEquals(0, router.code(), router.out() + router.err());
        assertTrue(router.out().startsWith("ALLOWED"), router.out());
        CliRun stranger = CliRun.run("explain", "--from", "openshift-monitoring/prometheus-k8s-0", "--to",
                "orders/orders-brokers-0", "--port", "9094", "-f", narrowed.toString());
        assertTrue(stranger.out().startsWith("DENIED"), "the listener is narrowed to namespace clients: " + stranger.out());
        CliRun client = CliRun.run("explain", "--from", "clients/app", "--to", "orders/orders-brokers-0", "--port", "9094",
                "-f", narrowed.toString());
        assertTrue(client.out().startsWith("ALLOWED"), client.out());
    }

    @Test
    void onTheOpenShiftDumpTheRouterReachesTheRouteListener() {
        CliRun r = CliRun.run("explain", "--from", "openshift-ingress/router-default-7d9f8c6b5-h2j4k", "--to",
                "orders/orders-brokers-0", "--port", "9094", "-f", DUMP.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("ALLOWED: ") && r.out().contains("(profile ovn-kubernetes)"), r.out());
    }

    @Test
    void theRouterIsAPeerOfMatrixAndExplainEvenWhenTheInputsHoldNone() {
        // examples/eventstreams-production.yaml has a route listener (OpenShift) and no pods at all.
        CliRun explain = CliRun.run("explain", "--from", "router", "--to", "es-prod/production-kafka-0", "--port", "9094",
                "-f", "examples/eventstreams-production.yaml");
        assertTrue(explain.out().startsWith("ALLOWED: openshift-ingress/router-default -> es-prod/production-kafka-0"), explain.out() + explain.err());
        CliRun internal = CliRun.run("explain", "--from", "router", "--to", "es-prod/production-kafka-0", "--port", "9091",
                "-f", "examples/eventstreams-production.yaml");
        assertTrue(internal.out().startsWith("DENIED"), "the router reaches the route listener, not the brokers' own port: " + internal.out());
        CliRun matrix = CliRun.run("matrix", "-f", "examples/eventstreams-production.yaml", "-o", "connlist");
        assertTrue(matrix.out().contains("openshift-ingress/router-default"), matrix.out());
        CliRun kubernetes = CliRun.run("matrix", "-f", "examples/eventstreams-production.yaml", "-o", "connlist", "--platform", "kubernetes");
        assertFalse(kubernetes.out().contains("router-default"), "Kubernetes names no router: " + kubernetes.out());
        // On the dump, the router is its real pod.
        CliRun real = CliRun.run("explain", "--from", "router", "--to", "orders/orders-brokers-0", "--port", "9094", "-f", DUMP.toString());
        assertTrue(real.out().startsWith("ALLOWED: openshift-ingress/router-default-7d9f8c6b5-h2j4k"), real.out());
    }

    @Test
    void theOpenShiftDumpReviewsClean() {
        CliRun r = CliRun.run("review", "-f", DUMP.toString(), "-n", "orders");
        assertEquals(0, r.code(), r.out() + r.err());
    }

    @Test
    void verifyAndReviewReportARouteWhosePoliciesRefuseTheRouterAsMissing() throws IOException {
        Path narrowed = narrowedDump();
        // Policies written by hand for the narrowed listener: the clients' namespace only, no router.
        CliRun rendered = CliRun.run("render", "-f", narrowed.resolve("resources.yaml").toString());
        String handWritten = rendered.out()
                .replace("        - namespaceSelector:\n            matchLabels:\n              policy-group.network.openshift.io/ingress: \"\"\n", "")
                .replace("        - namespaceSelector:\n            matchLabels:\n              network.openshift.io/policy-group: ingress\n", "");
        assertFalse(handWritten.contains("policy-group"), handWritten);
        Path policies = narrowed.resolve("policies.yaml");
        Files.writeString(policies, handWritten);
        CliRun verify = CliRun.run("verify", "-f", narrowed.resolve("resources.yaml").toString(), "--policies", policies.toString());
        assertEquals(1, verify.code(), verify.out() + verify.err());
        assertTrue(verify.out().contains("MISSING") && verify.out().contains("router") && verify.out().contains("9094"), verify.out());
        CliRun review = CliRun.run("review", "-f", narrowed.toString(), "-n", "orders");
        assertEquals(1, review.code(), review.out() + review.err());
        assertTrue(review.out().contains("router") && review.out().toLowerCase().contains("missing"), review.out());
    }

    /** The dump with the route listener narrowed to namespace clients, and its policies rendered for that. */
    private static Path narrowedDump() throws IOException {
        Path dir = Files.createTempDirectory("openshift-narrowed");
        for (String f : new String[] {"namespaces.yaml", "pods.yaml"}) {
            Files.copy(DUMP.resolve(f), dir.resolve(f));
        }
        String resources = Files.readString(DUMP.resolve("resources.yaml")).replace("""
                          type: route
                          tls: true
                """, """
                          type: route
                          tls: true
                          networkPolicyPeers:
                            - namespaceSelector:
                                matchLabels:
                                  kubernetes.io/metadata.name: clients
                """);
        assertTrue(resources.contains("networkPolicyPeers"));
        Files.writeString(dir.resolve("resources.yaml"), resources);
        Files.writeString(dir.resolve("clients.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: app
                  namespace: clients
                  labels: {app: orders-client}
                spec:
                  containers: [{name: main, image: registry.example.com/app}]
                status: {phase: Running, podIP: 10.130.0.7}
                """);
        CliRun rendered = CliRun.run("render", "-f", dir.resolve("resources.yaml").toString());
        assertEquals(0, rendered.code(), rendered.err());
        Files.writeString(dir.resolve("policies.yaml"), rendered.out());
        return dir;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }

    /** A warning other than the webhook's risk warnings, which render prints for every resource that has the risk. */
    private static boolean platformWarning(String err) {
        return err.lines().anyMatch(l -> l.startsWith("warning:") && !l.contains("is open to anywhere, as the spec documents it")
                && !l.contains("has no authentication and no networkPolicyPeers"));
    }
}
