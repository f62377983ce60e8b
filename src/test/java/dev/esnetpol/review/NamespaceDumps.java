package dev.esnetpol.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.esnetpol.catalogue.Labels;
import dev.esnetpol.cli.CliRun;
import dev.esnetpol.generate.InstallationFacts;
import dev.esnetpol.generate.PodGroup;
import dev.esnetpol.model.Installations;
import dev.esnetpol.testing.Fixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A namespace as {@code kubectl get eventstreams,pods,namespaces,networkpolicies -o yaml} prints it for one IBM sample,
 * the way a GitOps installation leaves it: the live resource (with a uid), its pods with the names the product gives
 * them (Deployment pods {@code <deployment>-<hash>-<hash>}, StrimziPodSet pods {@code <name>-N}), KRaft nodes with
 * the one role label of their pool, and the policies rendered from the Git copy (no uid, so no owner reference) with
 * {@code --metrics-from}. Names are written here from the product's conventions, not from es-netpol's stand-in naming.
 */
final class NamespaceDumps {

    static final String NAMESPACE = "es";
    static final String MONITORING = "{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private NamespaceDumps() {
    }

    /** Writes the dump of {@code sample} into {@code dir} (resources, pods, namespaces, policies); {@code pods} false leaves pods out. */
    static Path of(Path sample, Path dir, boolean pods) throws IOException {
        Files.createDirectories(dir);
        ObjectNode resource = (ObjectNode) YAML.readTree(sample.toFile());
        ObjectNode metadata = (ObjectNode) resource.path("metadata");
        metadata.put("namespace", NAMESPACE);
        Path git = dir.resolve("git-copy.yaml.txt");
        Files.writeString(git, YAML.writeValueAsString(resource));
        CliRun rendered = CliRun.run("render", "-f", git.toString(), "--metrics-from", MONITORING);
        if (rendered.code() != 0) {
            throw new IllegalStateException(rendered.err());
        }
        Files.writeString(dir.resolve("policies.yaml"), rendered.out());
        metadata.put("uid", "7c1d4e2a-0000-4000-8000-000000000001");
        Files.writeString(dir.resolve("resources.yaml"), YAML.writeValueAsString(resource));
        Files.writeString(dir.resolve("namespaces.yaml"), YAML.writeValueAsString(Map.of("apiVersion", "v1", "kind", "Namespace",
                "metadata", Map.of("name", NAMESPACE, "labels", Map.of(Labels.NAMESPACE_NAME, NAMESPACE)))));
        Files.delete(git);
        if (pods) {
            StringBuilder sb = new StringBuilder();
            for (Map<String, Object> pod : pods(Files.readString(dir.resolve("resources.yaml")))) {
                sb.append(YAML.writeValueAsString(pod));
            }
            Files.writeString(dir.resolve("pods.yaml"), sb.toString());
        }
        return dir;
    }

    /** The name of every pod the dump holds, by group: for tests that name a real pod. */
    static Map<PodGroup, List<String>> podNames(Path dir) throws IOException {
        Map<PodGroup, List<String>> out = new LinkedHashMap<>();
        var installation = Installations.group(Fixtures.fromYaml(Files.readString(dir.resolve("resources.yaml"))), null).get(0);
        for (PodGroup g : new InstallationFacts(installation).groups()) {
            List<String> names = new ArrayList<>();
            for (int n = 0; n < count(g); n++) {
                names.add(podName(g, n));
            }
            out.put(g, names);
        }
        return out;
    }

    private static List<Map<String, Object>> pods(String resources) {
        List<Map<String, Object>> out = new ArrayList<>();
        var installation = Installations.group(Fixtures.fromYaml(resources), null).get(0);
        int ip = 10;
        for (PodGroup g : new InstallationFacts(installation).groups()) {
            Map<String, String> labels = new LinkedHashMap<>(g.podLabels());
            // Real KRaft node pods carry the role label of their pool's roles only, "true".
            labels.entrySet().removeIf(e -> e.getValue().equals("false"));
            for (int n = 0; n < count(g); n++) {
                Map<String, Object> metadata = new LinkedHashMap<>();
                metadata.put("name", podName(g, n));
                metadata.put("namespace", NAMESPACE);
                metadata.put("labels", labels);
                metadata.put("ownerReferences", List.of(Map.of("apiVersion", deployment(g) == null ? "core.strimzi.io/v1beta2" : "apps/v1",
                        "kind", deployment(g) == null ? "StrimziPodSet" : "ReplicaSet", "name", owner(g),
                        "uid", "7c1d4e2a-0000-4000-8000-0000000001" + (ip < 100 ? "0" : "") + ip, "controller", true)));
                Map<String, Object> pod = new LinkedHashMap<>();
                pod.put("apiVersion", "v1");
                pod.put("kind", "Pod");
                pod.put("metadata", metadata);
                pod.put("spec", Map.of("containers", List.of(Map.of("name", "main", "image", "icr.io/cpopen/ibm-eventstreams"))));
                pod.put("status", Map.of("phase", "Running", "podIP", "10.128.2." + ip++));
                out.add(pod);
            }
        }
        return out;
    }

    private static int count(PodGroup g) {
        return deployment(g) == null ? 2 : 1;
    }

    /** The Deployment an Event Streams or Strimzi component runs as, or null for a StrimziPodSet's pods. */
    private static String deployment(PodGroup g) {
        return switch (g.component()) {
            case ADMIN_API -> g.owner() + "-ibm-es-admapi";
            case ADMIN_UI -> g.owner() + "-ibm-es-ui";
            case REST_PRODUCER -> g.owner() + "-ibm-es-recapi";
            case SCHEMA_REGISTRY -> g.owner() + "-ibm-es-ac-reg";
            case METRICS_COLLECTOR -> g.owner() + "-ibm-es-metrics";
            case CRUISE_CONTROL -> g.owner() + "-cruise-control";
            case ENTITY_OPERATOR -> g.owner() + "-entity-operator";
            case KAFKA_EXPORTER -> g.owner() + "-kafka-exporter";
            default -> null;
        };
    }

    private static String owner(PodGroup g) {
        if (deployment(g) != null) {
            return deployment(g) + "-7d9f8c6b5";
        }
        return g.owner() + "-" + (g.pool() != null ? g.pool() : g.component().appName());
    }

    private static String podName(PodGroup g, int n) {
        return deployment(g) != null ? owner(g) + "-x" + n + "q4z" : owner(g) + "-" + n;
    }
}
