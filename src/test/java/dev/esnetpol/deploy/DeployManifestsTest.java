package dev.esnetpol.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.esnetpol.analyze.Analyzer;
import dev.esnetpol.analyze.Cluster;
import dev.esnetpol.analyze.Connections;
import dev.esnetpol.analyze.Namespace;
import dev.esnetpol.analyze.Node;
import dev.esnetpol.analyze.Pod;
import dev.esnetpol.analyze.PortSet;
import dev.esnetpol.catalogue.Catalogue;
import dev.esnetpol.catalogue.Component;
import dev.esnetpol.catalogue.IngressRow;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/ is what `kubectl apply -k deploy/` would apply: valid, complete, least privilege, and the spec's 8080/8081. */
class DeployManifestsTest {

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            var it = new YAMLMapper().readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n != null && !n.isNull()) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /** The kustomize manifests; deploy/helm holds a chart (templates and values, not objects), HelmChartTest's. */
    private static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("deploy"))) {
            return s.filter(p -> !p.startsWith(Path.of("deploy", "helm")))
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    @Test
    void everyManifestParsesAndEveryKustomizationResourceExists() throws IOException {
        for (Path f : yamlFiles()) {
            List<JsonNode> docs = documents(f);
            assertFalse(docs.isEmpty(), f + " is empty");
            for (JsonNode d : docs) {
                assertTrue(d.hasNonNull("apiVersion") && d.hasNonNull("kind"), f + ": not a Kubernetes object");
                if (d.path("kind").asText().equals("Kustomization")) {
                    for (JsonNode r : d.path("resources")) {
                        assertTrue(Files.exists(f.getParent().resolve(r.asText())), f + " lists missing " + r.asText());
                    }
                }
            }
        }
    }

    private static <T> T one(Path file, String kind, Class<T> type) throws IOException {
        for (JsonNode d : documents(file)) {
            if (d.path("kind").asText().equals(kind)) {
                return Serialization.unmarshal(d.toString(), type);
            }
        }
        throw new AssertionError("no " + kind + " in " + file);
    }

    /** The spec's "Cluster operator pod" rows: 8080 and 8081 from anywhere; nothing else in; DNS and API server out. */
    @Test
    void theOperatorsPolicyOpensTheSpecsPortsAndNothingElse() throws IOException {
        NetworkPolicy policy = one(Path.of("deploy/operator/networkpolicy.yaml"), "NetworkPolicy", NetworkPolicy.class);
        policy.getMetadata().setNamespace("es-netpol");
        Deployment deployment = one(Path.of("deploy/operator/deployment.yaml"), "Deployment", Deployment.class);
        Pod operator = Pod.of("es-netpol", "es-netpol-0", deployment.getSpec().getTemplate().getMetadata().getLabels());
        Pod elsewhere = Pod.of("apps", "client", Map.of("app", "client"));
        Analyzer a = Analyzer.of(Cluster.of(List.of(Namespace.named("es-netpol"), Namespace.named("apps")), List.of(operator, elsewhere), List.of(policy)));
        Connections expected = Connections.NONE;
        for (IngressRow row : Catalogue.of(dev.esnetpol.catalogue.TableSet.KRAFT).ingressOf(Component.CLUSTER_OPERATOR)) {
            expected = expected.union(Connections.of(row.protocol(), PortSet.of(row.port())));
        }
        assertEquals(2, Catalogue.of(dev.esnetpol.catalogue.TableSet.KRAFT).ingressOf(Component.CLUSTER_OPERATOR).size());
        assertEquals(expected, a.allowed(Node.of(elsewhere), Node.of(operator)));
        assertEquals(expected, a.allowed(Node.ExternalNode.parse("203.0.113.9"), Node.of(operator)));
        Connections out = a.allowed(Node.of(operator), Node.ExternalNode.parse("10.96.0.1"));
        assertEquals(Connections.of("TCP", PortSet.of(53).union(PortSet.of(443)).union(PortSet.of(6443))).union(Connections.of("UDP", PortSet.of(53))), out);
    }

    @Test
    void theClusterRoleGrantsOnlyWhatTheOperatorUses() throws IOException {
        ClusterRole role = one(Path.of("deploy/operator/rbac.yaml"), "ClusterRole", ClusterRole.class);
        List<String> rules = role.getRules().stream().map(r -> r.getApiGroups() + " " + r.getResources() + " " + r.getVerbs()).toList();
        assertEquals(List.of(
                "[eventstreams.ibm.com] [eventstreams, kafkaconnects, kafkamirrormaker2s, eventstreamsgeoreplicators] [get, list, watch]",
                "[eventstreams.ibm.com] [eventstreams/status, kafkaconnects/status, kafkamirrormaker2s/status, eventstreamsgeoreplicators/status] [update]",
                "[networking.k8s.io] [networkpolicies] [get, list, watch, create, update, delete]",
                "[] [events] [create]",
                "[policy.networking.k8s.io] [adminnetworkpolicies, baselineadminnetworkpolicies, clusternetworkpolicies] [list, watch]"), rules);
        assertFalse(rules.stream().anyMatch(r -> r.contains("*")), "no wildcard");
    }

    @Test
    void theWebhookServiceReachesTheOperatorPods() throws IOException {
        Deployment deployment = one(Path.of("deploy/operator/deployment.yaml"), "Deployment", Deployment.class);
        io.fabric8.kubernetes.api.model.Service service = one(Path.of("deploy/webhook/service.yaml"), "Service", io.fabric8.kubernetes.api.model.Service.class);
        assertTrue(deployment.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(service.getSpec().getSelector().entrySet()));
        assertEquals(8081, service.getSpec().getPorts().get(0).getTargetPort().getIntVal());
        assertEquals(2, deployment.getSpec().getReplicas());
        assertTrue(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs().contains("--leader-election"));
    }

    /**
     * The container's memory follows from OperatorBench's measurement, as docs/operator.md records it ("Sizing: peak RSS
     * at 1,000 instances R MiB, peak heap H MiB"): the request is R with 25 % headroom (rounded up to 32Mi), the limit
     * leaves the heap (75 % of it, MaxRAMPercentage) twice H and the process half again R. A new measurement that no
     * longer fits fails here until the Deployment (and the chart, which renders the same) is resized.
     */
    @Test
    void theMemoryRequestAndLimitFollowFromTheMeasuredPeak() throws IOException {
        String doc = Files.readString(Path.of("docs/operator.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Sizing\\*\\*: peak RSS at 1,000 instances (\\d+) MiB, peak heap (\\d+) MiB").matcher(doc);
        assertTrue(m.find(), "docs/operator.md records the measurement the Deployment is sized from");
        int rss = Integer.parseInt(m.group(1));
        int heap = Integer.parseInt(m.group(2));
        Deployment deployment = one(Path.of("deploy/operator/deployment.yaml"), "Deployment", Deployment.class);
        var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        int request = mebibytes(container.getResources().getRequests().get("memory").toString());
        int limit = mebibytes(container.getResources().getLimits().get("memory").toString());
        assertEquals((int) Math.ceil(rss * 1.25 / 32) * 32, request, "request: the peak RSS at 1,000 instances + 25 %, rounded up to 32Mi");
        assertTrue(limit * 3 / 4 >= 2 * heap, "limit: the heap cap (75 %) holds twice the peak heap");
        assertTrue(limit * 2 >= 3 * rss, "limit: half again the peak RSS");
        assertTrue(container.getEnv().stream().anyMatch(e -> e.getName().equals("JAVA_TOOL_OPTIONS") && e.getValue().contains("-XX:MaxRAMPercentage=75")),
                "the heap cap the limit is computed with");
    }

    private static int mebibytes(String quantity) {
        assertTrue(quantity.endsWith("Mi"), quantity);
        return Integer.parseInt(quantity.substring(0, quantity.length() - 2));
    }
}
