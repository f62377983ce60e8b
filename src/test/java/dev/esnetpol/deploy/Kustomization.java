package dev.esnetpol.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The objects {@code kubectl kustomize deploy/} produces, built in the test JVM so that the chart can be compared
 * with them on a machine without kubectl. deploy/'s kustomizations use three of kustomize's fields only
 * (resources, namespace, images); any other field fails the build here rather than being silently ignored, and
 * {@link KustomizationTest} checks the result against the real kubectl where one is installed.
 */
final class Kustomization {

    /** The fields this reading applies; kustomize's others (patches, generators, labels...) are refused. */
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "images");

    /** Kinds that have no namespace: kustomize's namespace field leaves them alone. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration");

    private Kustomization() {
    }

    /** The objects of the kustomization in {@code dir}, in resource order. */
    static List<HasMetadata> build(Path dir) throws IOException {
        JsonNode k = new YAMLMapper().readTree(dir.resolve("kustomization.yaml").toFile());
        k.fieldNames().forEachRemaining(f -> {
            if (!SUPPORTED.contains(f)) {
                throw new IllegalStateException(dir + "/kustomization.yaml uses '" + f + "', which this reading does not apply");
            }
        });
        List<HasMetadata> out = new ArrayList<>();
        for (JsonNode r : k.path("resources")) {
            Path p = dir.resolve(r.asText()).normalize();
            out.addAll(Files.isDirectory(p) ? build(p) : parse(p));
        }
        String namespace = k.path("namespace").asText(null);
        for (HasMetadata o : out) {
            if (namespace != null && !CLUSTER_SCOPED.contains(o.getKind())) {
                o.getMetadata().setNamespace(namespace);
            }
        }
        for (JsonNode image : k.path("images")) {
            String target = image.path("newName").asText(image.path("name").asText()) + ":" + image.path("newTag").asText();
            for (HasMetadata o : out) {
                if (o instanceof Deployment d) {
                    PodSpec pod = d.getSpec().getTemplate().getSpec();
                    pod.getContainers().stream().filter(c -> c.getImage().equals(image.path("name").asText()))
                            .forEach(c -> c.setImage(target));
                }
            }
        }
        return out;
    }

    /** Every object of a (multi-document) manifest, typed by fabric8 (GenericKubernetesResource for cert-manager's). */
    static List<HasMetadata> parse(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    static List<HasMetadata> parse(String yaml) {
        Object parsed = Serialization.unmarshal(yaml);
        List<HasMetadata> out = new ArrayList<>();
        if (parsed instanceof List<?> list) {
            list.stream().filter(o -> o != null).forEach(o -> out.add((HasMetadata) o));
        } else if (parsed != null) {
            out.add((HasMetadata) parsed);
        }
        return out;
    }
}
