package dev.esnetpol.kube;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.esnetpol.input.InputProblem;
import dev.esnetpol.input.YamlDocument;
import dev.esnetpol.input.YamlSources;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Of a pod, the fields the analysis reads are checked by type, a misspelling of one of them is refused, and
 * every other field Kubernetes has passes (they are left to the API server).
 */
class StrictPodFieldsTest {

    private static List<String> problems(String yaml) {
        YamlDocument doc = YamlSources.parse("p.yaml", yaml).get(0);
        return StrictFields.check(doc).stream().map(p -> p.line() + " " + p.path() + ": " + p.message()).toList();
    }

    /** What analysis commands only warn about (names, misspellings in a pod), others refuse. */
    private static List<String> warnings(String yaml) {
        YamlDocument doc = YamlSources.parse("p.yaml", yaml).get(0);
        return StrictFields.checkNames(doc).stream().map(p -> p.line() + " " + p.path() + ": " + p.message()).toList();
    }

    @Test
    void misspellingsOfTheFieldsReadAreFoundWithTheField() {
        String pod = """
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: a}
                spec:
                  hostNetwrok: true
                  containers:
                    - name: c
                      prots: [{name: http, containerPort: 8080}]
                      image: nginx
                  initContainer: []
                status:
                  podIp: 10.0.0.1
                """;
        assertEquals(List.of(), problems(pod), "not a type error: render, verify and review refuse it with the names");
        assertEquals(List.of(
                        "5 spec.hostNetwrok: unknown field 'hostNetwrok' (did you mean 'hostNetwork'?)",
                        "8 spec.containers[0].prots: unknown field 'prots' (did you mean 'ports'?)",
                        "10 spec.initContainer: unknown field 'initContainer' (did you mean 'initContainers'?)",
                        "12 status.podIp: unknown field 'podIp' (did you mean 'podIP' or 'podIPs'?)"),
                warnings(pod));
    }

    @Test
    void theFieldsReadAreCheckedByTypeAndNullItemsRefused() {
        assertEquals(List.of(
                        "5 spec.hostNetwork: expected true or false, found a string (maybe)",
                        "8 spec.containers[0].ports[0].containerPort: expected a whole number, found a string (http)",
                        "8 spec.containers[0].ports[1]: a list item is null",
                        "9 status.podIPs[0].ip: expected a string, found a number (10); quote it: '10'"),
                problems("""
                        apiVersion: v1
                        kind: Pod
                        metadata: {name: p, namespace: a}
                        spec:
                          hostNetwork: maybe
                          containers:
                            - name: c
                              ports: [{name: http, containerPort: http}, null]
                        status: {podIPs: [{ip: 10}]}
                        """));
    }

    @Test
    void nullItemsOfTheListsReadAreRefusedAtTheirPath() {
        assertEquals(List.of(
                        "3 metadata.ownerReferences[0]: a list item is null",
                        "5 spec.containers[0]: a list item is null",
                        "5 spec.containers[1].ports[0]: a list item is null",
                        "6 status.podIPs[0]: a list item is null"),
                problems("""
                        apiVersion: v1
                        kind: Pod
                        metadata: {name: p, namespace: a, ownerReferences: [null]}
                        spec:
                          containers: [null, {name: c, ports: [null]}]
                        status: {podIPs: [null]}
                        """));
        YamlDocument deployment = YamlSources.parse("d.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d, namespace: a}
                spec: {template: {spec: {initContainers: [null]}}}
                """).get(0);
        assertEquals(List.of("spec.template.spec.initContainers[0]"), StrictFields.check(deployment).stream().map(InputProblem::path).toList());
    }

    /** Every field fabric8's model (this Kubernetes version) has in these types passes: only the read ones are checked. */
    @Test
    void everyFieldKubernetesHasPasses() {
        ObjectNode pod = JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", "Pod");
        ObjectNode metadata = pod.putObject("metadata").put("name", "p").put("namespace", "a");
        metadata.putArray("ownerReferences").add(allFieldsOf(io.fabric8.kubernetes.api.model.OwnerReference.class));
        ObjectNode spec = allFieldsOf(PodSpec.class);
        ObjectNode container = allFieldsOf(Container.class);
        container.putArray("ports").add(allFieldsOf(ContainerPort.class));
        spec.putArray("containers").add(container);
        spec.putArray("initContainers").add(container.deepCopy());
        pod.set("spec", spec);
        pod.set("status", allFieldsOf(PodStatus.class));
        assertEquals(List.<InputProblem>of(), StrictFields.check(new YamlDocument("p.yaml", 1, pod)));
        assertEquals(List.<InputProblem>of(), StrictFields.checkNames(new YamlDocument("p.yaml", 1, pod)));
    }

    /** An object with every property of a fabric8 model type, each null (not given): what is tested is the names. */
    private static ObjectNode allFieldsOf(Class<?> type) {
        ObjectMapper mapper = new ObjectMapper();
        JavaType t = mapper.constructType(type);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (BeanPropertyDefinition p : mapper.getDeserializationConfig().introspect(t).findProperties()) {
            node.putNull(p.getName());
        }
        return node;
    }
}
