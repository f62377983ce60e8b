package dev.esnetpol.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.esnetpol.cli.CliRun;
import dev.esnetpol.generate.GeneratorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** review --offline on the scenarios of the issue: each finding is detected, and a clean install has none. */
class ReviewTest {

    private static ReviewReport review(Path dir) {
        return new Reviewer(GeneratorOptions.defaults()).review(OfflineSnapshot.read(List.of(dir.toString()), null));
    }

    /** The findings that fail a review (all but OPEN). */
    static List<ReviewFinding> failing(ReviewReport r) {
        return r.findings().stream().filter(f -> f.kind() != ReviewFinding.Kind.OPEN).toList();
    }

    private static List<ReviewFinding> of(ReviewReport r, ReviewFinding.Kind kind) {
        return r.findings().stream().filter(f -> f.kind() == kind).toList();
    }

    @Test
    void aCleanInstallHasNoFindings() {
        CliRun r = CliRun.run("review", "--offline", ReviewScenarios.CLEAN.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        // Nothing missing or excess, but never "nothing more" while the defaults grant anywhere something.
        assertTrue(r.out().contains("No missing or excess flows, but not \"nothing more\"") && !r.out().contains("nothing more."), r.out());
        assertTrue(r.out().matches("(?s).*TCP +cluster operator +9091 +Broker communication.*"), r.out());
    }

    @Test
    void aForeignDefaultDenyThatBlocks9091IsReportedWithThePolicy(@TempDir Path dir) throws Exception {
        ReviewReport r = review(ReviewScenarios.with(dir, p -> p.add(ReviewScenarios.denyAll())));
        List<ReviewFinding> missing = of(r, ReviewFinding.Kind.MISSING);
        assertTrue(missing.stream().anyMatch(f -> f.subject().equals("es-prod/eventstreams-operator-7f9c4-kq2lp -> es-prod/production-kafka-0 TCP 9091")
                && f.details().stream().anyMatch(d -> d.contains("isolated by es-prod/default-deny-all"))), r.findings().toString());
        ReviewFinding foreign = of(r, ReviewFinding.Kind.FOREIGN).get(0);
        assertEquals("es-prod/default-deny-all", foreign.subject());
        assertTrue(foreign.message().contains("blocks "), foreign.message());
        assertTrue(of(r, ReviewFinding.Kind.DRIFT).isEmpty());
        assertTrue(r.tables().stream().filter(t -> t.pod().equals("es-prod/production-kafka-0")).findFirst().orElseThrow().ingress().stream()
                .anyMatch(row -> row.peer().equals("cluster operator") && row.port().equals("9091") && row.enabled().equals("MISSING")));
    }

    @Test
    void aHandWidenedPolicyIsExcessAndDrift(@TempDir Path dir) throws Exception {
        ReviewReport r = review(ReviewScenarios.with(dir, p -> ReviewScenarios.named(p, "production-kafka-netpol").getSpec().getIngress().stream()
                .filter(rule -> rule.getPorts().stream().anyMatch(x -> x.getPort().getIntVal() == 9091)).findFirst().orElseThrow().setFrom(List.of())));
        ReviewFinding drift = of(r, ReviewFinding.Kind.DRIFT).get(0);
        assertEquals("production-kafka-netpol", drift.subject());
        assertTrue(drift.details().contains("spec.ingress[1].from: 5 peers rendered, no peers (anywhere) installed"), drift.details().toString());
        // One finding for the rule that opens it, with its ports and every source it lets in; not one per source and replica.
        List<ReviewFinding> excess = of(r, ReviewFinding.Kind.EXCESS);
        assertEquals(1, excess.size(), excess.toString());
        assertEquals("es-prod/production-kafka-netpol ingress rule #2 (any peer, ports [9091/TCP])", excess.get(0).subject());
        assertTrue(excess.get(0).message().startsWith("opens TCP 9091 from ") && excess.get(0).message().contains("pods of other namespaces")
                && excess.get(0).message().contains("outside the cluster"), excess.get(0).message());
        assertTrue(excess.get(0).details().contains("into es-prod/production-kafka-0"),
                excess.get(0).details().toString());
        assertTrue(of(r, ReviewFinding.Kind.MISSING).isEmpty());
    }

    @Test
    void aDeletedPolicyIsReportedAndItsFlowsGoMissingBehindADefaultDeny(@TempDir Path dir) throws Exception {
        ReviewReport r = review(ReviewScenarios.with(dir, p -> {
            p.removeIf(x -> x.getMetadata().getName().equals("production-kafka-netpol"));
            p.add(ReviewScenarios.denyAll());
        }));
        assertTrue(of(r, ReviewFinding.Kind.DELETED).stream().anyMatch(f -> f.subject().equals("production-kafka-netpol")));
        assertTrue(of(r, ReviewFinding.Kind.MISSING).stream().anyMatch(f -> f.subject().startsWith("es-prod/production-ibm-es-admapi-6c9f7d-ax2lp -> es-prod/production-kafka-0 TCP 8091")
                && f.details().stream().anyMatch(d -> d.contains("ingress of es-prod/production-kafka-0: isolated by es-prod/default-deny-all"))),
                r.findings().toString());
    }

    @Test
    void aForeignPolicyThatChangesNothingIsNoFinding(@TempDir Path dir) throws Exception {
        // Another team's policy on the brokers that only repeats what es-netpol already admits.
        ReviewReport r = review(ReviewScenarios.with(dir, p -> p.add(new io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder()
                .withNewMetadata().withName("monitoring-scrape").withNamespace("es-prod").endMetadata()
                .withNewSpec().withNewPodSelector().addToMatchLabels("app.kubernetes.io/name", "kafka").endPodSelector()
                .withPolicyTypes("Ingress").addNewIngress().addNewPort().withPort(new io.fabric8.kubernetes.api.model.IntOrString(9404))
                .withProtocol("TCP").endPort().endIngress().endSpec().build())));
        assertEquals(List.of(), failing(r));
    }

    @Test
    void policiesRenderedFromTheGitCopyWithoutOwnerReferencesAreNoDrift(@TempDir Path dir) throws Exception {
        // GitOps renders from the resource in Git, which has no uid: no owner reference, rightly. No connectivity changes.
        ReviewReport r = review(ReviewScenarios.with(dir, p -> p.forEach(x -> x.getMetadata().setOwnerReferences(List.of()))));
        assertEquals(List.of(), failing(r));
        assertTrue(r.notes().contains("production-kafka-netpol: not owned by its EventStreams production: not garbage-collected with it"),
                r.notes().toString());
        CliRun text = CliRun.run("review", "-f", dir.toString());
        assertEquals(0, text.code(), text.out());
        assertTrue(text.out().contains("\nNotes:\n  production-admin-api-netpol: not owned by its EventStreams production"), text.out());
    }

    /** The clean namespace with its policies as render writes them with {@code flags}. */
    private static Path renderedWith(Path dir, String... flags) throws Exception {
        ReviewScenarios.with(dir, p -> { });
        List<String> args = new java.util.ArrayList<>(List.of("render", "-f", dir.resolve("resources.yaml").toString()));
        args.addAll(List.of(flags));
        CliRun rendered = CliRun.run(args.toArray(String[]::new));
        assertEquals(0, rendered.code(), rendered.err());
        Files.writeString(dir.resolve("policies.yaml"), rendered.out());
        return dir;
    }

    private static final String MONITORING = "{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}";

    @Test
    void policiesWrittenWithOptionsAreReproducedWithThemAndADifferentRequestIsOneFinding(@TempDir Path dir) throws Exception {
        Path ns = renderedWith(dir, "--metrics-from", MONITORING, "--dns-port", "53,5353");
        // The operator's options (Helm eventStreamsMetricsFrom, dnsPorts), not repeated by the reviewer: reproduced as recorded.
        ReviewReport r = review(ns);
        assertEquals(List.of(), failing(r));
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("es-netpol's policies reproduced with the options they record")
                && n.contains("5353") && n.contains("monitoring")), r.notes().toString());
        assertFalse(r.open().stream().anyMatch(f -> f.message().contains("metrics")), "the scrapers are named: " + r.open());
        // Asked for other scrapers: one finding that says which option differs, not one per policy.
        CliRun other = CliRun.run("review", "-f", ns.toString(), "--metrics-from", "{podSelector: {matchLabels: {app: prometheus}}}");
        assertEquals(1, other.code(), other.out());
        assertTrue(other.out().contains("1 finding(s)"), other.out());
        assertTrue(other.out().contains("OPTIONS  es-netpol/options: the policies were rendered with other options than requested")
                && other.out().contains("--metrics-from: [{\"namespaceSelector\"") && other.out().contains("--dns-port: [53,5353] recorded, the default requested"),
                other.out());
    }

    @Test
    void withTheApiServerCidrTheApiServerGrantIsGoneAndDnsStays(@TempDir Path dir) throws Exception {
        ReviewReport before = review(ReviewScenarios.CLEAN);
        assertTrue(before.open().stream().anyMatch(f -> f.subject().startsWith("es-prod/production-kafka-netpol egress rule #1")
                && f.message().contains("Kubernetes API server's ports at any address: 443/TCP,6443/TCP")
                && f.details().contains("narrowed by --api-server-cidr (Helm apiServerCidr): the API server's address block(s)")), before.open().toString());
        ReviewReport after = review(renderedWith(dir, "--api-server-cidr", "10.96.0.1/32"));
        assertEquals(List.of(), failing(after));
        assertFalse(after.open().stream().anyMatch(f -> f.message().contains("API server")), after.open().toString());
        assertTrue(after.open().stream().anyMatch(f -> f.message().contains("DNS ports at any address")), after.open().toString());
        assertEquals(1, CliRun.run("review", "-f", dir.toString(), "--strict").code(), "--strict fails on the DNS grants");
    }

    @Test
    void aStalePolicyOfOursIsReported(@TempDir Path dir) throws Exception {
        ReviewReport r = review(ReviewScenarios.with(dir, p -> {
            var extra = new io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder(ReviewScenarios.named(p, "production-admin-ui-netpol"))
                    .editMetadata().withName("production-old-component-netpol").endMetadata().build();
            p.add(extra);
        }));
        assertTrue(of(r, ReviewFinding.Kind.STALE).stream().anyMatch(f -> f.subject().equals("production-old-component-netpol")));
    }

    @Test
    void aSecondInstanceIsReviewedOnItsOwn(@TempDir Path dir) throws Exception {
        ReviewScenarios.with(dir, p -> { });
        String second = Files.readString(Path.of("examples/eventstreams-quickstart.yaml")).replace("es-dev", "es-prod").replace("quickstart", "second");
        Files.writeString(dir.resolve("second.yaml"), second);
        CliRun rendered = CliRun.run("render", "-f", dir.resolve("second.yaml").toString());
        Files.writeString(dir.resolve("second-policies.yaml"), rendered.out());
        ReviewReport r = review(dir);
        assertEquals(List.of("production", "second"), r.installations());
        assertEquals(List.of(), failing(r));
        assertTrue(r.tables().stream().anyMatch(t -> t.pod().equals("es-prod/second-kafka-0")));
    }

    @Test
    void theTablesGoByRoleBothReplicasOfAGroupAreItsRows() {
        ReviewReport r = review(ReviewScenarios.CLEAN);
        ReviewReport.PodTable kafka = r.tables().stream().filter(t -> t.pod().equals("es-prod/production-kafka-0")).findFirst().orElseThrow();
        assertEquals("kafka", kafka.component());
        // Broker to broker is checked from the first replica to the second, and is the group's own row.
        assertTrue(kafka.ingress().stream().anyMatch(row -> row.peer().equals("kafka (production)") && row.port().equals("9091")
                && row.enabled().equals("yes")), kafka.ingress().toString());
        assertTrue(kafka.egress().stream().anyMatch(row -> row.peer().equals("Kubernetes API server") && row.port().equals("443")),
                kafka.egress().toString());
        assertTrue(kafka.egress().stream().anyMatch(row -> row.peer().equals("cluster DNS") && row.type().equals("UDP")), kafka.egress().toString());
        assertEquals(r.tables().size(), r.graph().nodes().stream().filter(ReviewReport.GraphNode::component).count(),
                "one component node per pod group");
    }

    @Test
    void aPodNamedLikeAStandInIsNamedByWhatItIsNotByItsName(@TempDir Path dir) throws Exception {
        // A real pod called probe-dns that is no DNS, and the brokers' 9091 opened to anyone: it shows as itself.
        Path scenario = ReviewScenarios.with(dir, p -> ReviewScenarios.named(p, "production-kafka-netpol").getSpec().getIngress().stream()
                .filter(rule -> rule.getPorts().stream().anyMatch(x -> x.getPort().getIntVal() == 9091)).findFirst().orElseThrow().setFrom(List.of()));
        Files.writeString(scenario.resolve("impostor.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: probe-dns
                  namespace: es-prod
                  labels:
                    app: not-the-dns
                """);
        ReviewReport r = review(scenario);
        ReviewReport.PodTable kafka = r.tables().stream().filter(t -> t.pod().equals("es-prod/production-kafka-0")).findFirst().orElseThrow();
        assertEquals(1, kafka.ingress().stream().filter(row -> row.peer().equals("es-prod/probe-dns") && row.enabled().equals("EXCESS")).count(),
                kafka.ingress().toString());
        // The DNS stand-in (kube-system) is one row of its own; each peer is one row, whichever replica or stand-in showed it.
        assertEquals(1, kafka.ingress().stream().filter(row -> row.peer().equals("cluster DNS") && row.enabled().equals("EXCESS")).count(),
                kafka.ingress().toString());
        assertEquals(1, kafka.ingress().stream().filter(row -> row.peer().equals("zookeeper (production)") && row.enabled().equals("EXCESS")).count(),
                kafka.ingress().toString());
    }

    @Test
    void reviewReadsRolesNeverNodeNames() throws Exception {
        try (var sources = Files.list(Path.of("src/main/java/dev/esnetpol/review"))) {
            for (Path source : sources.toList()) {
                String code = Files.readString(source);
                for (String parsing : List.of("endsWith(", "startsWith(", ".split(", "replaceFirst(", "\"/probe-", "-peer-", "\"-0\"", "\"-1\"")) {
                    assertFalse(code.contains(parsing), source + " reads names back: " + parsing);
                }
            }
        }
    }

    @Test
    void outputsAndExitCodes(@TempDir Path dir) throws Exception {
        Path scenario = ReviewScenarios.with(dir.resolve("ns"), p -> p.add(ReviewScenarios.denyAll()));
        CliRun json = CliRun.run("review", "--offline", scenario.toString(), "-o", "json", "--html", dir.resolve("r.html").toString());
        assertEquals(1, json.code());
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertEquals("es-prod", report.path("namespace").asText());
        assertTrue(report.path("findings").size() > 0);
        JsonNode missing = null;
        for (JsonNode f : report.path("findings")) {
            if (f.path("kind").asText().equals("MISSING") && f.path("data").path("to").path("pod").asText().equals("production-kafka-0")
                    && f.path("data").path("connections").path("TCP").asText().equals("9091")) {
                missing = f;
            }
        }
        assertTrue(missing != null, "the blocked 9091 as data: " + report.path("findings"));
        assertEquals("cluster-operator", missing.path("data").path("from").path("role").asText(), missing.toString());
        assertEquals("component", missing.path("data").path("to").path("role").asText());
        String md = CliRun.run("review", "--offline", scenario.toString(), "-o", "markdown").out();
        assertTrue(md.startsWith("# Network policy review: es-prod") && md.contains("| Type | Origin | Port | Reason | Enabled in policy |"), md);
        String html = Files.readString(dir.resolve("r.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("class=\"edge missing\""));
        assertFalse(html.contains("…"), "edge labels are whole, never cut");
        assertTrue(html.contains("<tspan x="), "long labels are broken into lines");
        assertEquals(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", ""), html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")
                .replaceAll("https?://", ""), "the page refers to no address but the SVG namespace");
        assertFalse(html.contains("<script src") || html.contains("<link"), "fetches nothing");
        assertEquals(2, CliRun.run("review").code(), "no namespace and no --offline");
        assertEquals(2, CliRun.run("review", "--offline", "no/such/dir").code());
    }
}
