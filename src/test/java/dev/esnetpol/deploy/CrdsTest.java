package dev.esnetpol.deploy;

import dev.esnetpol.model.EventStreams;
import dev.esnetpol.model.EventStreamsGeoReplicator;
import dev.esnetpol.model.KafkaConnect;
import dev.esnetpol.model.KafkaMirrorMaker2;
import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/crds/ is generated from the model classes with fabric8's CRD generator, and checked here: the model
 * holds only what es-netpol reads, so spec and status keep every other field (x-kubernetes-preserve-unknown-fields)
 * and the CRDs never prune what Event Streams itself writes. The Helm chart's crds/ holds the same files (Helm
 * installs them before the templates, and never upgrades or deletes them), each opened with a document separator:
 * {@code helm show crds} concatenates the files as they are, and its output is what one applies to upgrade CRDs by
 * hand. Regenerate both with {@code ES_NETPOL_UPDATE_GOLDEN=1 mvn test -Dtest=CrdsTest} and review the diff.
 */
class CrdsTest {

    /**
     * Spec and status as open objects. The model classes hold only the fields es-netpol reads; a schema made of
     * them would prune every other field of a real Event Streams resource (a nested object's unknown fields are
     * pruned even under a preserving parent), so the generated names, versions and subresources are kept and
     * the two schemas opened. Event Streams' own operator installs the full CRDs where it runs.
     */
    static final class PreserveUnknown implements CRDPostProcessor {
        /** The versions a release line serves, the stored one first; a kind not served at any of them is left out. */
        private final List<String> served;

        PreserveUnknown(List<String> served) {
            this.served = served;
        }

        @Override
        public HasMetadata process(HasMetadata crd, String version) {
            CustomResourceDefinition c = (CustomResourceDefinition) crd;
            // The versions a release serves (issue 25: no release serves v1 beside v1beta2; a CRD that did made
            // `kubectl get` return v1, whose apiVersion chooses the 11.8-13.0 tables for a ZooKeeper instance). The
            // schemas are open, so one fits every version and the API server converts with the None strategy.
            var model = c.getSpec().getVersions().get(0);
            List<io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion> versions = new java.util.ArrayList<>();
            for (String apiVersion : dev.esnetpol.model.ResourceReader.API_VERSIONS.get(c.getSpec().getNames().getKind())) {
                String name = apiVersion.substring(apiVersion.indexOf('/') + 1);
                if (served.contains(name)) {
                    versions.add(new io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersionBuilder(model)
                            .withName(name).withStorage(false).withServed(true).build());
                }
            }
            String stored = served.stream().filter(v -> versions.stream().anyMatch(x -> x.getName().equals(v))).findFirst().orElseThrow();
            versions.forEach(v -> v.setStorage(v.getName().equals(stored)));
            c.getSpec().setVersions(versions);
            c.getSpec().getVersions().forEach(v -> {
                JSONSchemaProps root = v.getSchema().getOpenAPIV3Schema();
                for (String field : List.of("spec", "status")) {
                    JSONSchemaProps open = new JSONSchemaProps();
                    open.setType("object");
                    open.setXKubernetesPreserveUnknownFields(true);
                    root.getProperties().put(field, open);
                }
            });
            return c;
        }
    }

    /**
     * deploy/crds/13.0: the CRDs as Event Streams 13.0 serves its kinds: v1 only, and no EventStreamsGeoReplicator
     * (versions.md, "13.0 API change"). For a test cluster that runs 13.0's samples.
     */
    @Test
    void thirteenCrdsServeV1Only(@TempDir Path out) throws IOException {
        List<Path> generated = generate(out, List.of("v1"), EventStreams.class, KafkaConnect.class, KafkaMirrorMaker2.class);
        assertEquals(3, generated.size());
        Path deploy = Path.of("deploy/crds/13.0");
        for (Path g : generated) {
            Path target = deploy.resolve(g.getFileName());
            if ("1".equals(System.getenv("ES_NETPOL_UPDATE_GOLDEN"))) {
                Files.createDirectories(deploy);
                Files.copy(g, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            assertEquals(Files.readString(g), Files.readString(target), target + " is not what the model generates");
            String text = Files.readString(target);
            assertTrue(text.contains("name: \"v1\"") && !text.contains("name: \"v1beta"), target + " serves another version than v1");
        }
    }

    /** deploy/crds and the chart's crds/: as Event Streams 10.1 to 12.3 serve its kinds: v1beta1 and v1beta2 (stored), no v1. */
    @Test
    void deployCrdsAreGeneratedFromTheModel(@TempDir Path out) throws IOException {
        List<Path> generated = generate(out, List.of("v1beta2", "v1beta1"), EventStreams.class, KafkaConnect.class,
                KafkaMirrorMaker2.class, EventStreamsGeoReplicator.class);
        assertEquals(4, generated.size());
        Path deploy = Path.of("deploy/crds");
        for (Path g : generated) {
            Path target = deploy.resolve(g.getFileName());
            if ("1".equals(System.getenv("ES_NETPOL_UPDATE_GOLDEN"))) {
                Files.copy(g, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            assertEquals(Files.readString(g), Files.readString(target), target + " is not what the model generates");
            String text = Files.readString(target);
            assertTrue(text.contains("x-kubernetes-preserve-unknown-fields: true"), target.toString());
            assertTrue(text.contains("status: {}"), target + " has no status subresource");
            assertTrue(g.getFileName().toString().startsWith("eventstreamsgeoreplicators") || !text.contains("name: \"v1\"")
                    && text.contains("name: \"v1beta1\"") && text.contains("name: \"v1beta2\""), target + " does not serve v1beta1 and v1beta2 only");
        }
        checkChartCrds(generated);
    }

    /** The CRDs of the classes, serving {@code served} (the stored version first), written to {@code out}; their files, sorted. */
    @SafeVarargs
    private static List<Path> generate(Path out, List<String> served, Class<? extends HasMetadata>... kinds) throws IOException {
        new CRDGenerator().inOutputDir(out.toFile()).forCRDVersions("v1").withPostProcessor(new PreserveUnknown(served))
                .customResourceClasses(kinds).generate();
        try (Stream<Path> s = Files.list(out)) {
            return s.sorted().toList();
        }
    }

    /** The chart's crds/: the same four files, each after a "---" line, and nothing else. */
    private static void checkChartCrds(List<Path> generated) throws IOException {
        Path chart = Path.of("deploy/helm/es-netpol/crds");
        for (Path g : generated) {
            Path target = chart.resolve(g.getFileName());
            String expected = "---\n" + Files.readString(g);
            if ("1".equals(System.getenv("ES_NETPOL_UPDATE_GOLDEN"))) {
                Files.writeString(target, expected);
            }
            assertEquals(expected, Files.readString(target), target + " is not what the model generates");
        }
        try (Stream<Path> s = Files.list(chart)) {
            assertEquals(generated.stream().map(Path::getFileName).map(Path::toString).sorted().toList(),
                    s.map(Path::getFileName).map(Path::toString).sorted().toList(), "no other file in " + chart);
        }
    }
}
