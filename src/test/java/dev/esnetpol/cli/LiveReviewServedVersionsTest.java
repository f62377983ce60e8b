package dev.esnetpol.cli;

import dev.esnetpol.testing.SharedFiles;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22, item 6: {@code review -n} against an API server that serves {@code eventstreams.ibm.com/v1} only
 * (Event Streams 13.0: no v1beta2, no EventStreamsGeoReplicator) reads the namespace as the operator does,
 * through the same discovery ({@code ServedVersions}).
 */
class LiveReviewServedVersionsTest {

    @Test
    @SuppressWarnings("unchecked")
    void reviewOnAV1OnlyClusterReadsV1AndNamesTheKindItDoesNotServe(@TempDir Path dir) throws IOException {
        try (LiveApiServer api = new LiveApiServer()) {
            api.serve("eventstreams.ibm.com", "v1", "eventstreams", "kafkaconnects", "kafkamirrormaker2s");
            String sample = Files.readString(SharedFiles.resolve("samples/event-streams/06-es-13.0.0-kubernetes-light-insecure-v1-dualrole.yaml"));
            Map<String, Object> es = Serialization.unmarshal(sample, Map.class);
            ((Map<String, Object>) es.get("metadata")).put("namespace", "thirteen");
            api.createCustom(es, "v1", "eventstreams");
            Files.writeString(dir.resolve("ns.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: thirteen}\n");
            api.create(dir.resolve("ns.yaml"));
            Path kc = api.kubeconfig(dir, "lab", null);
            api.paths.clear();

            CliRun r = CliRun.runWithKubeconfig(kc, "review", "-n", "thirteen");

            assertTrue(r.code() == ExitCodes.OK || r.code() == ExitCodes.FINDINGS, r.code() + ": " + r.err());
            assertTrue(r.out().contains("light-insecure"), r.out());
            assertTrue(r.err().contains("note: the cluster does not serve eventstreamsgeoreplicators (eventstreams.ibm.com/v1beta1): none read"), r.err());
            List<String> es13 = api.paths.stream().filter(p -> p.startsWith("GET /apis/eventstreams.ibm.com/")).toList();
            assertTrue(es13.contains("GET /apis/eventstreams.ibm.com/v1/namespaces/thirteen/eventstreams"), es13.toString());
            assertFalse(es13.stream().anyMatch(p -> p.contains("/v1beta")), es13.toString());
            assertFalse(r.err().contains("Status("), r.err());
        }
    }

    @Test
    void aKindTheClusterDoesNotServeIsANoteNotAnError(@TempDir Path dir) throws IOException {
        try (LiveApiServer api = new LiveApiServer()) {
            // An Event Streams without MirrorMaker 2's kind (a trimmed install): that kind is a note, the rest is reviewed.
            api.serve("eventstreams.ibm.com", "v1beta2", "eventstreams", "kafkaconnects");
            Map<String, Object> es = Map.of("apiVersion", "eventstreams.ibm.com/v1beta2", "kind", "EventStreams",
                    "metadata", Map.of("name", "dev", "namespace", "trim"),
                    "spec", Map.of("version", "11.2.0", "license", Map.of("accept", true, "use", "CloudPakForIntegrationNonProduction"),
                            "strimziOverrides", Map.of("kafka", Map.of("replicas", 1, "listeners", List.of()), "zookeeper", Map.of("replicas", 1))));
            api.createCustom(es, "v1beta2", "eventstreams");
            Path kc = api.kubeconfig(dir, "lab", "trim");
            CliRun r = CliRun.runWithKubeconfig(kc, "review");
            assertTrue(r.code() == ExitCodes.OK || r.code() == ExitCodes.FINDINGS, r.code() + ": " + r.err());
            assertTrue(r.err().contains("note: the cluster does not serve kafkamirrormaker2s (eventstreams.ibm.com/v1beta2): none read"), r.err());
            assertEquals(1, r.err().lines().filter(l -> l.contains("kafkamirrormaker2s")).count(), r.err());
        }
    }
}
