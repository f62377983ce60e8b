package dev.esnetpol.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --metrics-from}: the metrics and readiness rows narrowed to the scrapers, Kafka Exporter opened to them. */
class MetricsFromTest {

    static final String MONITORING = "{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}, "
            + "podSelector: {matchLabels: {app: prometheus}}}";
    private static final Path GOLDEN = Path.of("src/test/resources/golden/metrics-from");

    @Test
    void theProductionExampleRendersToItsGoldenFile() throws IOException {
        for (String example : new String[] {"eventstreams-production.yaml", "eventstreams-kraft-pools.yaml"}) {
            CliRun r = CliRun.run("render", "-f", "examples/" + example, "--metrics-from", MONITORING);
            assertEquals(0, r.code(), r.err());
            Path golden = GOLDEN.resolve(example.replace(".yaml", ".netpol.yaml"));
            if ("1".equals(System.getenv("ES_NETPOL_UPDATE_GOLDEN"))) {
                Files.writeString(golden, r.out());
            }
            assertEquals(Files.readString(golden), r.out(), "render of " + example + " with --metrics-from differs from " + golden);
            assertTrue(!r.out().contains("9404") || r.out().contains("app: prometheus"));
        }
    }

    @Test
    void verifyIsCleanAndAPodOutsideTheScrapersIsDenied9404() {
        CliRun verify = CliRun.run("verify", "-f", "examples/eventstreams-production.yaml", "--metrics-from", MONITORING);
        assertEquals(0, verify.code(), verify.out() + verify.err());
        String[] files = {"examples/eventstreams-production.yaml", "src/test/resources/kraft/scrapers.yaml"};
        CliRun prometheus = CliRun.run("explain", "--from", "monitoring/prometheus-0", "--to", "es-prod/production-kafka-0", "--port", "9404",
                "--metrics-from", MONITORING, files[0], files[1]);
        assertTrue(prometheus.out().startsWith("ALLOWED"), prometheus.out() + prometheus.err());
        CliRun curious = CliRun.run("explain", "--from", "es-prod/curious", "--to", "es-prod/production-kafka-0", "--port", "9404",
                "--metrics-from", MONITORING, files[0], files[1]);
        assertEquals(1, curious.code());
        assertTrue(curious.out().startsWith("DENIED"), curious.out());
        CliRun documented = CliRun.run("explain", "--from", "es-prod/curious", "--to", "es-prod/production-kafka-0", "--port", "9404",
                files[0], files[1]);
        assertTrue(documented.out().startsWith("ALLOWED"), "without --metrics-from the documentation's Anywhere stands: " + documented.out());
    }

    @Test
    void verifyFindsAWideningOfTheMetricsPorts() {
        // Policies rendered with the documentation's Anywhere, verified against --metrics-from: 9404 is open to strangers.
        CliRun rendered = CliRun.run("render", "-f", "examples/eventstreams-production.yaml");
        CliRun verify = CliRun.runWithStdin(rendered.out(), "verify", "-f", "examples/eventstreams-production.yaml", "--policies", "-",
                "--metrics-from", MONITORING);
        assertEquals(1, verify.code(), verify.out() + verify.err());
        assertTrue(verify.out().contains("EXCESS") && verify.out().contains("9404"), verify.out());
    }

    @Test
    void aPeerThatIsNoPeerIsRefused() {
        CliRun r = CliRun.run("render", "-f", "examples/eventstreams-production.yaml", "--metrics-from", "{namespaceSelecter: {}}");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--metrics-from[0]"), r.err());
    }

    /** YAML that does not parse is one line, as in a file; a second document is refused, not silently dropped. */
    @Test
    void badYamlIsOneLineAndASecondDocumentIsRefused() {
        CliRun broken = CliRun.run("render", "-f", "examples/eventstreams-production.yaml", "--metrics-from", "{podSelector: {matchLabels: {a: b}");
        assertEquals(2, broken.code());
        assertEquals(1, broken.err().lines().count(), broken.err());
        assertTrue(broken.err().startsWith("error: <command line>: --metrics-from[0]: not a NetworkPolicy peer: while parsing a flow mapping;"),
                broken.err());
        CliRun two = CliRun.run("render", "-f", "examples/eventstreams-production.yaml", "--metrics-from", "podSelector: {}\n---\nipBlock: {cidr: 10.0.0.0/8}");
        assertEquals(2, two.code(), two.err());
        assertTrue(two.err().contains("--metrics-from[0]: not a NetworkPolicy peer: one value expected, found another document after '---'"), two.err());
    }

    @Test
    void matrixShowsTheScrapersAsAStandInPeer() {
        CliRun m = CliRun.run("matrix", "examples/eventstreams-production.yaml", "--metrics-from", MONITORING, "-o", "connlist");
        assertEquals(0, m.code(), m.err());
        // A stand-in for the scrapers, in the namespace their selector names, reaching the brokers' metrics and nothing else of theirs.
        assertTrue(m.out().contains("monitoring/probe-metrics-scrapers-peer-1[Pod] => es-prod/production-kafka[StrimziPodSet] : TCP 9094,9404,9999"),
                m.out());
    }

    @Test
    void aMisspeltPeerFieldGetsTheDidYouMeanOfAPolicyFile() {
        CliRun r = CliRun.run("render", "-f", "examples/eventstreams-production.yaml", "--metrics-from",
                "{namespaceSelecter: {matchLabels: {team: obs}}}", "--metrics-from", "{podSelector: {matchLabel: {app: prometheus}}}");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("error: <command line>: --metrics-from[0].namespaceSelecter: unknown field 'namespaceSelecter' "
                + "(did you mean 'namespaceSelector'?)"), r.err());
        assertTrue(r.err().contains("error: <command line>: --metrics-from[1].podSelector.matchLabel: unknown field 'matchLabel' "
                + "(did you mean 'matchLabels'"), r.err());
    }
}
