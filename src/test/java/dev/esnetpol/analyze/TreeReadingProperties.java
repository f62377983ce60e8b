package dev.esnetpol.analyze;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.esnetpol.input.YamlDocument;
import dev.esnetpol.input.YamlReading;
import dev.esnetpol.input.YamlSources;
import dev.esnetpol.testing.SharedFiles;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading a document's tree by hand ({@link TreeFields}, {@link NetworkPolicyTree}, {@link PodDocument#read})
 * gives what Jackson's binding to fabric8's model gave, object for object ({@code equals}: every field, the
 * empty lists fabric8 starts with, the unknown fields kept aside): for every NetworkPolicy, Pod and workload
 * of the shared conformance suites, the samples, the examples and the test resources, and for random policies.
 */
class TreeReadingProperties {

    /** The binding the analysis used before: fabric8's classes, unknown fields ignored. */
    private static final ObjectMapper JACKSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** The records of the pod view as Jackson bound them (the view's own records, without its reader). */
    record BoundPod(ObjectMeta metadata, BoundSpec spec, BoundStatus status) {
    }

    record BoundSpec(Boolean hostNetwork, List<BoundContainer> containers, List<BoundContainer> initContainers) {
    }

    record BoundContainer(String restartPolicy, List<ContainerPort> ports) {
    }

    record BoundStatus(String podIP, List<PodIP> podIPs, String hostIP, String phase) {
    }

    @Test
    void everyPolicyAndPodOfTheTestDataReadsAsJacksonBoundIt() throws Exception {
        int policies = 0;
        int pods = 0;
        for (YamlDocument doc : documents()) {
            List<String> problems = new ArrayList<>();
            TreeFields fields = new TreeFields((path, message) -> problems.add(path + ": " + message));
            if (doc.kind().equals("NetworkPolicy") && doc.apiVersion().startsWith("networking.k8s.io/")) {
                NetworkPolicy bound = bind(doc.node(), NetworkPolicy.class);
                NetworkPolicy read = new NetworkPolicyTree(fields).read(doc.node());
                assertEquals(bound != null, problems.isEmpty(), "read by both or refused by both: " + doc.file() + ":" + doc.line() + " " + problems);
                if (bound != null) {
                    assertEquals(bound, read, doc.file() + ":" + doc.line());
                    policies++;
                }
            } else if (doc.kind().equals("Pod") || doc.kind().equals("Deployment") || doc.kind().equals("StatefulSet")) {
                JsonNode pod = doc.kind().equals("Pod") ? doc.node() : doc.node().path("spec").path("template");
                BoundPod bound = bind(pod, BoundPod.class);
                PodDocument read = PodDocument.read(pod, "", fields);
                assertEquals(bound != null, problems.isEmpty(), "read by both or refused by both: " + doc.file() + ":" + doc.line() + " " + problems);
                if (bound != null) {
                    assertEquals(view(bound), read, doc.file() + ":" + doc.line());
                    pods++;
                }
            }
        }
        assertTrue(policies > 300, "policies compared: " + policies);
        assertTrue(pods > 300, "pods compared: " + pods);
    }

    @Property(tries = 300)
    void aRandomPolicyReadsBackAsItWasWritten(@ForAll("policies") NetworkPolicy policy) {
        JsonNode tree = JACKSON.valueToTree(policy);
        List<String> problems = new ArrayList<>();
        NetworkPolicy read = new NetworkPolicyTree(new TreeFields((path, message) -> problems.add(path + ": " + message))).read(tree);
        assertEquals(List.of(), problems);
        assertEquals(bind(tree, NetworkPolicy.class), read);
    }

    @Provide
    Arbitrary<NetworkPolicy> policies() {
        return RandomClusters.policies(0);
    }

    @Test
    void valuesOfTheWrongTypeAreProblemsAtTheirFields() {
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, labels: {a: {b: c}}}
                spec:
                  podSelector: {matchLabels: [x]}
                  ingress:
                  - from: {podSelector: {}}
                    ports: [{port: [80]}, {port: 80, endPort: eighty}, {port: 4294967296}]
                  egress: 5
                """;
        List<String> problems = new ArrayList<>();
        new NetworkPolicyTree(new TreeFields((path, message) -> problems.add(path + ": " + message)))
                .read(YamlSources.parse("p.yaml", yaml).get(0).node());
        assertEquals(List.of(
                "metadata.labels.a: expected a string, found a mapping",
                "spec.podSelector.matchLabels: expected a mapping, found a list",
                "spec.ingress[0].from: expected a list, found a mapping",
                "spec.ingress[0].ports[0].port: expected a port number or name, found a list",
                "spec.ingress[0].ports[1].endPort: expected a whole number, found a string (eighty)",
                "spec.ingress[0].ports[2].port: expected a port number or name, found a number (4294967296)",
                "spec.egress: expected a list, found a number (5)"), problems);
    }

    @Test
    void coercionsAreJacksonsDefaults() {
        String yaml = """
                metadata: {name: 10, generation: '3', ownerReferences: [{name: rs, controller: 'true'}]}
                spec: {hostNetwork: 'false', containers: [{ports: [{containerPort: '8080', name: 1.10}]}]}
                """;
        JsonNode node = YamlSources.parse("p.yaml", yaml).get(0).node();
        List<String> problems = new ArrayList<>();
        PodDocument read = PodDocument.read(node, "", new TreeFields((path, message) -> problems.add(path + ": " + message)));
        assertEquals(List.of(), problems);
        assertEquals("10", read.metadata().getName());
        assertEquals(3L, read.metadata().getGeneration());
        assertEquals(Boolean.TRUE, read.metadata().getOwnerReferences().get(0).getController());
        assertEquals(Boolean.FALSE, read.spec().hostNetwork());
        assertEquals(8080, read.spec().containers().get(0).ports().get(0).getContainerPort());
        assertEquals("1.1", read.spec().containers().get(0).ports().get(0).getName(), "the number YAML made of it, as Jackson had it");
        assertEquals(view(bind(node, BoundPod.class)), read);
    }

    @Test
    void aNullItemOfAListOfObjectsIsAnEmptyObjectAsTheApiServerDecodesIt() {
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p}
                spec:
                  podSelector: {matchExpressions: [~]}
                  ingress: [~, {from: [~], ports: [~]}]
                """;
        List<String> problems = new ArrayList<>();
        NetworkPolicy np = new NetworkPolicyTree(new TreeFields((path, message) -> problems.add(path + ": " + message)))
                .read(YamlSources.parse("p.yaml", yaml).get(0).node());
        assertEquals(List.of(), problems);
        assertEquals(new io.fabric8.kubernetes.api.model.LabelSelectorRequirement(), np.getSpec().getPodSelector().getMatchExpressions().get(0));
        assertEquals(new io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule(), np.getSpec().getIngress().get(0),
                "every peer, every port");
        assertEquals(new io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer(), np.getSpec().getIngress().get(1).getFrom().get(0));
        assertEquals(new io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort(), np.getSpec().getIngress().get(1).getPorts().get(0));
    }

    @Test
    void coercionsTheApiServerDoesNotMakeAreProblems() {
        String yaml = """
                metadata: {name: p, ownerReferences: [{name: rs, controller: 1}]}
                spec: {hostNetwork: 'yes', containers: [{ports: [{containerPort: 8080.0}]}]}
                """;
        List<String> problems = new ArrayList<>();
        PodDocument.read(YamlSources.parse("p.yaml", yaml).get(0).node(), "", new TreeFields((path, message) -> problems.add(path + ": " + message)));
        assertEquals(List.of(
                "metadata.ownerReferences[0].controller: expected true or false, found a number (1)",
                "spec.hostNetwork: expected true or false, found a string (yes)",
                "spec.containers[0].ports[0].containerPort: expected a whole number, found a number (8080.0)"), problems);
    }

    private static PodDocument view(BoundPod b) {
        BoundSpec s = b.spec();
        BoundStatus t = b.status();
        return new PodDocument(b.metadata(),
                s == null ? null : new PodDocument.PodSpec(s.hostNetwork(), containers(s.containers()), containers(s.initContainers())),
                t == null ? null : new PodDocument.PodStatus(t.podIP(), t.podIPs(), t.hostIP(), t.phase()));
    }

    private static List<PodDocument.Container> containers(List<BoundContainer> bound) {
        return bound == null ? null : bound.stream().map(c -> c == null ? null : new PodDocument.Container(c.restartPolicy(), c.ports())).toList();
    }

    private static <T> T bind(JsonNode node, Class<T> type) {
        try {
            return JACKSON.treeToValue(node, type);
        } catch (Exception e) {
            return null; // not bindable: an input written to be refused
        }
    }

    /**
     * Every YAML document of the test data, read as YAML 1.2 (some suites were written for a YAML 1.2 reader, and
     * both readings are compared on the same tree, whichever it is).
     */
    private static List<YamlDocument> documents() throws Exception {
        List<YamlDocument> out = new ArrayList<>();
        List<Path> roots = List.of(SharedFiles.resolve("conformance"), SharedFiles.resolve("samples"), Path.of("examples"), Path.of("src/test/resources"));
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
                    try (YamlReading.Scope ignored = YamlReading.YAML_1_2.use()) {
                        out.addAll(YamlSources.parse(f.toString(), Files.readString(f), true));
                    } catch (RuntimeException e) {
                        // a file written to be refused
                    }
                }
            }
        }
        return out;
    }
}
