package dev.esnetpol.analyze;

import dev.esnetpol.input.InputProblem;
import dev.esnetpol.input.InvalidInputException;
import dev.esnetpol.input.YamlSources;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading pods, workloads and namespaces: the fields the analysis reads (PodDocument), and type mistakes at their field. */
class ClusterLoaderTest {

    private static List<InputProblem> problems(String yaml) {
        return assertThrows(InvalidInputException.class, () -> ClusterLoader.load(YamlSources.parse("c.yaml", yaml))).problems();
    }

    @Test
    void aPodIsWhatTheAnalysisReadsOfIt() {
        Pod p = ClusterLoader.load(YamlSources.parse("c.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web-1
                  namespace: shop
                  labels: {app: web}
                  ownerReferences:
                    - {apiVersion: apps/v1, kind: ReplicaSet, name: web-7d, uid: "1"}
                    - {apiVersion: apps/v1, kind: StatefulSet, name: web, uid: "2", controller: true}
                spec:
                  hostNetwork: false
                  volumes: [{name: v, emptyDir: {}}]
                  initContainers:
                    - {name: setup, ports: [{name: setup, containerPort: 1}]}
                    - {name: proxy, restartPolicy: Always, ports: [{name: proxy, containerPort: 15001}]}
                  containers:
                    - name: c
                      ports: [{name: http, containerPort: 8080}, {name: dns, containerPort: 53, protocol: UDP}, {containerPort: 9}]
                status: {phase: Running, podIP: 10.0.0.9, podIPs: [{ip: 10.0.0.1}, {ip: "fd00::1"}], hostIP: 192.168.0.4}
                """)).cluster().pods().get(0);
        assertEquals("shop", p.namespace());
        assertEquals(Map.of("app", "web"), p.labels());
        assertEquals(new Owner("StatefulSet", "web"), p.owner(), "the controlling reference");
        assertEquals(List.of("10.0.0.1", "fd00::1"), p.ips(), "podIPs before podIP");
        assertEquals("192.168.0.4", p.hostIp());
        assertEquals("Running", p.phase());
        assertEquals(List.of(new NamedPort("http", 8080, "TCP"), new NamedPort("dns", 53, "UDP"), new NamedPort("proxy", 15001, "TCP")),
                p.ports(), "named ports of containers and sidecars; not of init containers that finish");
    }

    @Test
    void aPodFromTheApiServerReadsTheSameAsFromAFile() {
        io.fabric8.kubernetes.api.model.Pod api = new PodBuilder().withNewMetadata().withName("db-0").withNamespace("shop")
                .addToLabels("app", "db").addNewOwnerReference().withKind("StatefulSet").withName("db").withController(true).endOwnerReference()
                .endMetadata().withNewSpec().withHostNetwork(true).addNewContainer().withName("c").addNewPort().withName("sql")
                .withContainerPort(5432).endPort().endContainer().endSpec()
                .withNewStatus().withPodIP("10.0.0.2").withHostIP("192.168.0.5").withPhase("Running").endStatus().build();
        Pod fromApi = ClusterLoader.fromPod(api);
        Pod fromFile = ClusterLoader.load(YamlSources.parse("c.yaml", io.fabric8.kubernetes.client.utils.Serialization.asYaml(api)))
                .cluster().pods().get(0);
        assertEquals(fromFile, fromApi);
        assertTrue(fromApi.hostNetwork());
        assertEquals(List.of("192.168.0.5"), fromApi.addresses(), "a host-network pod is seen at its node's address");
    }

    @Test
    void aStaticPodAndAReferenceWithoutKind() {
        List<Pod> pods = ClusterLoader.load(YamlSources.parse("c.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: etcd-n1, namespace: kube-system, ownerReferences: [{apiVersion: v1, kind: Node, name: n1, uid: "1", controller: true}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: x, namespace: a, ownerReferences: [{name: owner, uid: "2"}]}
                """)).cluster().pods();
        assertEquals(new Owner("Pod", "etcd-n1"), pods.get(0).owner(), "a static pod stands for itself");
        assertEquals(new Owner("Pod", "owner"), pods.get(1).owner(), "np-guard shows a reference without a kind as a Pod");
        assertNull(pods.get(0).phase(), "no status: a manifest");
    }

    @Test
    void aTypeMistakeIsReportedAtItsFieldAndLine() {
        List<InputProblem> problems = problems("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: a}
                spec:
                  hostNetwork: maybe
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d, namespace: a}
                spec:
                  template:
                    spec:
                      containers:
                        - name: c
                          ports:
                            - {name: http, containerPort: abc}
                ---
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: j, namespace: a}
                spec:
                  jobTemplate:
                    spec:
                      template:
                        metadata: {labels: nine}
                ---
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: a
                  labels: [x]
                """);
        assertEquals(List.of("c.yaml:5: spec.hostNetwork", "c.yaml:16: spec.template.spec.containers[0].ports[0].containerPort",
                        "c.yaml:25: spec.jobTemplate.spec.template.metadata.labels", "c.yaml:31: metadata.labels"),
                problems.stream().map(p -> p.file() + ":" + p.line() + ": " + p.path()).toList(), problems.toString());
    }

    @Test
    void anAddressThatIsNoIpIsRefusedAtItsField() {
        List<InputProblem> problems = problems("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: a}
                status: {podIP: abc, podIPs: [{ip: 10.0.0.1}, {ip: 300.1.1.1}], hostIP: "fd00::zz"}
                """);
        assertEquals(List.of("status.podIP: 'abc' is not an IP address", "status.podIPs[1].ip: '300.1.1.1' is not an IP address",
                "status.hostIP: 'fd00::zz' is not an IP address"), problems.stream().map(p -> p.path() + ": " + p.message()).toList());
        assertEquals(4, problems.get(0).line());
    }

    @Test
    void aPodWithOnlyGenerateNameIsAnalysedUnderIt() {
        List<Pod> pods = ClusterLoader.load(YamlSources.parse("c.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {generateName: web-, namespace: a}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {namespace: a}
                """)).cluster().pods();
        assertEquals(List.of("web-", "<unnamed>"), pods.stream().map(Pod::name).toList());
    }

    @Test
    void nullListItemsArePassedOver() {
        // StrictFields refuses them before a command reads the pod; read directly, they are no crash.
        Pod p = ClusterLoader.load(YamlSources.parse("c.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: a, ownerReferences: [null]}
                spec:
                  containers: [null, {name: c, ports: [null, {name: http, containerPort: 80}]}]
                status: {podIPs: [null, {ip: 10.0.0.1}]}
                """)).cluster().pods().get(0);
        assertEquals(List.of(new NamedPort("http", 80, "TCP")), p.ports());
        assertEquals(List.of("10.0.0.1"), p.ips());
        assertEquals(new Owner("Pod", "p"), p.owner());
    }
}
