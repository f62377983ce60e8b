package dev.esnetpol.analyze;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.esnetpol.input.InputProblem;
import dev.esnetpol.input.InvalidInputException;
import dev.esnetpol.input.YamlDocument;
import dev.esnetpol.kube.KubeValidation;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds a {@link Cluster} from Kubernetes objects read from files: Namespaces, Pods, workloads (one
 * representative pod per template: Deployment, StatefulSet, ReplicaSet, DaemonSet, ReplicationController,
 * Job, CronJob), NetworkPolicies, the cluster-scoped policies ({@link ClusterPolicyReader}: AdminNetworkPolicy,
 * BaselineAdminNetworkPolicy, ClusterNetworkPolicy) and Node objects (their labels and {@code status.addresses}).
 * Other kinds are handed back untouched (a caller may know them); a policy that cannot be understood is an
 * error naming the file and the field.
 */
public final class ClusterLoader {

    /** For pods read from the API server only: files are read from their trees ({@link TreeFields}). */
    private static final class Live {
        static final ObjectMapper MAPPER = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "ReplicaSet", "DaemonSet",
            "ReplicationController", "Job", "CronJob", "DeploymentConfig");

    /** The cluster, and the documents of kinds this loader does not read. */
    public record Loaded(Cluster cluster, List<YamlDocument> others) {
    }

    private ClusterLoader() {
    }

    public static Loaded load(List<YamlDocument> documents) {
        List<Namespace> namespaces = new ArrayList<>();
        List<Pod> pods = new ArrayList<>();
        List<NetworkPolicy> policies = new ArrayList<>();
        List<ClusterPolicy> clusterPolicies = new ArrayList<>();
        java.util.Map<String, String> clusterPolicyFiles = new java.util.HashMap<>();
        List<HostNode> nodes = new ArrayList<>();
        List<YamlDocument> others = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        for (YamlDocument doc : documents) {
            String kind = doc.kind();
            int before = problems.size();
            TreeFields fields = new TreeFields((path, message) -> problems.add(doc.problem(path, message)));
            try {
                if (kind.equals("Namespace")) {
                    // Only the metadata: a Namespace's spec and status say nothing NetworkPolicies read.
                    ObjectMeta meta = fields.meta(doc.node().path("metadata"), "metadata");
                    if (problems.size() > before) {
                        continue;
                    }
                    if (meta == null || meta.getName() == null) {
                        throw new IllegalArgumentException("metadata.name is missing");
                    }
                    namespaces.add(new Namespace(meta.getName(), meta.getLabels()));
                } else if (kind.equals("Pod")) {
                    Pod p = pod(doc, fields, problems);
                    if (p != null && problems.size() == before) {
                        pods.add(p);
                    }
                } else if (WORKLOADS.contains(kind)) {
                    Pod p = workloadPod(doc, fields);
                    if (p != null && problems.size() == before) {
                        pods.add(p);
                    }
                } else if (kind.equals("NetworkPolicy") && doc.apiVersion().startsWith("networking.k8s.io/")) {
                    NetworkPolicy np = new NetworkPolicyTree(fields).read(doc.node());
                    if (problems.size() > before) {
                        continue;
                    }
                    validate(np, doc, problems);
                    policies.add(np);
                } else if (ClusterPolicyReader.isClusterPolicy(doc)) {
                    ClusterPolicy cp = ClusterPolicyReader.read(doc.node(), (path, message) -> problems.add(doc.problem(path, message)));
                    String earlier = clusterPolicyFiles.putIfAbsent(cp.kind() + "/" + cp.name(), doc.file() + ":" + doc.line());
                    if (earlier != null) {
                        problems.add(doc.problem("metadata.name", cp.kind() + " '" + cp.name() + "' is declared twice (first at " + earlier + ")"));
                    }
                    clusterPolicies.add(cp);
                } else if (kind.equals("Node") && doc.apiVersion().equals("v1")) {
                    HostNode n = node(doc, fields, problems);
                    if (n != null) {
                        nodes.add(n);
                    }
                } else {
                    others.add(doc);
                }
            } catch (IllegalArgumentException e) {
                problems.add(doc.problem("", "cannot read " + doc.kind() + ": " + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        for (NetworkPolicy np : policies) {
            if (np.getMetadata().getNamespace() == null) {
                np.getMetadata().setNamespace("default");
            }
        }
        return new Loaded(Cluster.of(namespaces, pods, policies, clusterPolicies, nodes), others);
    }

    /** A Node read from the API server: its labels and its IP addresses (host names left out). */
    public static HostNode fromNode(io.fabric8.kubernetes.api.model.Node n) {
        List<String> addresses = new ArrayList<>();
        if (n.getStatus() != null && n.getStatus().getAddresses() != null) {
            n.getStatus().getAddresses().stream().filter(a -> !isHostName(a.getType())).forEach(a -> addresses.add(a.getAddress()));
        }
        return new HostNode(n.getMetadata().getName(), n.getMetadata().getLabels(), addresses);
    }

    /** {@code status.addresses} types that hold names, not IPs. */
    private static boolean isHostName(String type) {
        return "Hostname".equals(type) || "InternalDNS".equals(type) || "ExternalDNS".equals(type);
    }

    /**
     * A cluster-scoped policy read from the API server (which has validated it); a problem is an error naming
     * {@code source} and the field.
     */
    public static ClusterPolicy fromClusterPolicy(JsonNode node, String source) {
        List<InputProblem> problems = new ArrayList<>();
        ClusterPolicy p = ClusterPolicyReader.read(node, (path, message) -> problems.add(InputProblem.at(source, path, message)));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return p;
    }

    /** A pod read from the API server. */
    public static Pod fromPod(io.fabric8.kubernetes.api.model.Pod p) {
        JsonNode node = Live.MAPPER.valueToTree(p);
        List<String> problems = new ArrayList<>();
        PodDocument pod = PodDocument.read(node, "", new TreeFields((path, message) -> problems.add(path + ": " + message)));
        if (!problems.isEmpty() || pod.metadata() == null) {
            String name = p.getMetadata() == null ? "without metadata" : p.getMetadata().getNamespace() + "/" + p.getMetadata().getName();
            throw new IllegalArgumentException("pod " + name + ": "
                    + (problems.isEmpty() ? "metadata is missing" : String.join("; ", problems)));
        }
        return pod.toPod(node);
    }

    private static Pod pod(YamlDocument doc, TreeFields fields, List<InputProblem> problems) {
        int before = problems.size();
        PodDocument pod = PodDocument.read(doc.node(), "", fields);
        if (problems.size() > before) {
            return null;
        }
        if (pod.metadata() == null) {
            throw new IllegalArgumentException("metadata is missing");
        }
        boolean addressesOk = true;
        for (var address : pod.addressFields().entrySet()) {
            try {
                dev.esnetpol.kube.Cidr.ofAddress(address.getValue());
            } catch (IllegalArgumentException e) {
                problems.add(doc.problem(address.getKey(), "'" + address.getValue() + "' is not an IP address"));
                addressesOk = false;
            }
        }
        return addressesOk ? pod.toPod(doc.node()) : null;
    }

    /** A Node's name, labels and addresses ({@code status.addresses[].address}, each an IP: hostnames are not matched by address). */
    private static HostNode node(YamlDocument doc, TreeFields fields, List<InputProblem> problems) {
        int before = problems.size();
        ObjectMeta meta = fields.meta(doc.node().path("metadata"), "metadata");
        if (problems.size() > before) {
            return null;
        }
        if (meta == null || meta.getName() == null) {
            throw new IllegalArgumentException("metadata.name is missing");
        }
        List<String> addresses = new ArrayList<>();
        JsonNode list = doc.node().path("status").path("addresses");
        for (int i = 0; i < list.size(); i++) {
            String type = list.get(i).path("type").asText("");
            String address = list.get(i).path("address").asText("");
            if (isHostName(type)) {
                continue; // names, not addresses
            }
            try {
                dev.esnetpol.kube.Cidr.ofAddress(address);
            } catch (IllegalArgumentException e) {
                problems.add(doc.problem("status.addresses[" + i + "].address", "'" + address + "' is not an IP address"));
                return null;
            }
            addresses.add(address);
        }
        return new HostNode(meta.getName(), meta.getLabels(), addresses);
    }

    /** Where a workload kind keeps its pod template. */
    private static String templatePath(String workloadKind) {
        return workloadKind.equals("CronJob") ? "spec.jobTemplate.spec.template" : "spec.template";
    }

    private static Pod workloadPod(YamlDocument doc, TreeFields fields) {
        JsonNode template = doc.node();
        for (String field : templatePath(doc.kind()).split("\\.")) {
            template = template.path(field);
        }
        if (template.isMissingNode() || template.isNull()) {
            return null;
        }
        String ns = doc.node().path("metadata").path("namespace").asText("");
        return PodDocument.read(template, templatePath(doc.kind()), fields).toTemplatePod(ns.isEmpty() ? "default" : ns, doc.kind(), doc.name());
    }

    /** The checks an API server makes that the semantics depend on. */
    private static void validate(NetworkPolicy np, YamlDocument doc, List<InputProblem> problems) {
        java.util.function.BiConsumer<String, String> problem = (path, message) -> problems.add(doc.problem(path, message));
        if (np.getSpec() == null) {
            problem.accept("spec", "missing spec");
            np.setSpec(new io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec());
            return;
        }
        if (np.getSpec().getPodSelector() == null) {
            // A value, not a pointer, in the API: absent or YAML null is {} (every pod of the namespace).
            np.getSpec().setPodSelector(new io.fabric8.kubernetes.api.model.LabelSelector());
        }
        KubeValidation.validateSelector(np.getSpec().getPodSelector(), "spec.podSelector", problem);
        List<String> types = np.getSpec().getPolicyTypes();
        if (types != null) {
            for (int i = 0; i < types.size(); i++) {
                if (!types.get(i).equals("Ingress") && !types.get(i).equals("Egress")) {
                    problem.accept("spec.policyTypes[" + i + "]", "unknown policy type '" + types.get(i) + "' (Ingress or Egress)");
                }
            }
        }
        if (np.getSpec().getIngress() != null) {
            for (int i = 0; i < np.getSpec().getIngress().size(); i++) {
                var rule = np.getSpec().getIngress().get(i);
                peers(rule.getFrom(), "spec.ingress[" + i + "].from", problem);
                ports(rule.getPorts(), "spec.ingress[" + i + "].ports", problem);
            }
        }
        if (np.getSpec().getEgress() != null) {
            for (int i = 0; i < np.getSpec().getEgress().size(); i++) {
                var rule = np.getSpec().getEgress().get(i);
                peers(rule.getTo(), "spec.egress[" + i + "].to", problem);
                ports(rule.getPorts(), "spec.egress[" + i + "].ports", problem);
            }
        }
    }

    private static void peers(List<NetworkPolicyPeer> peers, String path, java.util.function.BiConsumer<String, String> problem) {
        if (peers != null) {
            for (int i = 0; i < peers.size(); i++) {
                KubeValidation.validatePeer(peers.get(i), path + "[" + i + "]", problem);
            }
        }
    }

    private static void ports(List<NetworkPolicyPort> ports, String path, java.util.function.BiConsumer<String, String> problem) {
        if (ports == null) {
            return;
        }
        for (int i = 0; i < ports.size(); i++) {
            NetworkPolicyPort p = ports.get(i);
            String at = path + "[" + i + "]";
            if (p.getProtocol() != null && !KubeValidation.PROTOCOLS.contains(p.getProtocol())) {
                problem.accept(at + ".protocol", "unknown protocol '" + p.getProtocol() + "' (TCP, UDP or SCTP)");
            }
            if (p.getPort() != null && p.getPort().getIntVal() != null) {
                int n = p.getPort().getIntVal();
                if (n < 1 || n > 65535) {
                    problem.accept(at + ".port", dev.esnetpol.kube.Messages.portOutOfRange(n));
                }
                if (p.getEndPort() != null && (p.getEndPort() < n || p.getEndPort() > 65535)) {
                    problem.accept(at + ".endPort", "endPort " + p.getEndPort() + " must be between port " + n + " and 65535");
                }
            } else if (p.getEndPort() != null) {
                problem.accept(at + ".endPort", "endPort needs a numeric port");
            }
        }
    }
}
