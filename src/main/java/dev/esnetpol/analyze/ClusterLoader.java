package dev.esnetpol.analyze;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.esnetpol.input.InputProblem;
import dev.esnetpol.input.InvalidInputException;
import dev.esnetpol.input.YamlDocument;
import dev.esnetpol.kube.KubeValidation;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link Cluster} from Kubernetes objects read from files: Namespaces, Pods, workloads (one
 * representative pod per template: Deployment, StatefulSet, ReplicaSet, DaemonSet, ReplicationController,
 * Job, CronJob) and NetworkPolicies. Other kinds are handed back untouched (a caller may know them);
 * a NetworkPolicy that cannot be understood is an error naming the file and the field.
 */
public final class ClusterLoader {

    private static final ObjectMapper MAPPER = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
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
        List<YamlDocument> others = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        for (YamlDocument doc : documents) {
            try {
                String kind = doc.kind();
                if (kind.equals("Namespace")) {
                    io.fabric8.kubernetes.api.model.Namespace ns = MAPPER.treeToValue(doc.node(), io.fabric8.kubernetes.api.model.Namespace.class);
                    namespaces.add(new Namespace(ns.getMetadata().getName(), ns.getMetadata().getLabels()));
                } else if (kind.equals("Pod")) {
                    pods.add(pod(MAPPER.treeToValue(doc.node(), io.fabric8.kubernetes.api.model.Pod.class), doc.node()));
                } else if (WORKLOADS.contains(kind)) {
                    Pod p = workloadPod(doc);
                    if (p != null) {
                        pods.add(p);
                    }
                } else if (kind.equals("NetworkPolicy") && doc.apiVersion().startsWith("networking.k8s.io/")) {
                    NetworkPolicy np = MAPPER.treeToValue(doc.node(), NetworkPolicy.class);
                    validate(np, doc, problems);
                    policies.add(np);
                } else {
                    others.add(doc);
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
                String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
                problems.add(doc.problem("", "cannot read " + doc.kind() + ": " + message));
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
        return new Loaded(Cluster.of(namespaces, pods, policies), others);
    }

    /** A pod read from the API server (its owner references carry their kind). */
    public static Pod fromPod(io.fabric8.kubernetes.api.model.Pod p) {
        return pod(p, MAPPER.valueToTree(p));
    }

    static Pod pod(io.fabric8.kubernetes.api.model.Pod p, JsonNode node) {
        String ns = p.getMetadata().getNamespace() == null ? "default" : p.getMetadata().getNamespace();
        List<String> ips = new ArrayList<>();
        if (p.getStatus() != null) {
            if (p.getStatus().getPodIPs() != null) {
                p.getStatus().getPodIPs().stream().map(PodIP::getIp).filter(ip -> ip != null && !ip.isEmpty()).forEach(ips::add);
            }
            if (ips.isEmpty() && p.getStatus().getPodIP() != null && !p.getStatus().getPodIP().isEmpty()) {
                ips.add(p.getStatus().getPodIP());
            }
        }
        Owner owner = null;
        List<OwnerReference> refs = p.getMetadata().getOwnerReferences();
        if (refs != null && !refs.isEmpty()) {
            int index = 0;
            for (int i = 0; i < refs.size(); i++) {
                if (Boolean.TRUE.equals(refs.get(i).getController())) {
                    index = i;
                    break;
                }
            }
            // The model fills in a kind the document may not have: read the document's own (np-guard shows a
            // reference without a kind as a Pod).
            String kind = node.path("metadata").path("ownerReferences").path(index).path("kind").asText("");
            // A static pod's owner is its Node: not a workload, so the pod stands for itself.
            if (!kind.equals("Node")) {
                owner = new Owner(kind.isEmpty() ? "Pod" : kind, refs.get(index).getName());
            }
        }
        PodSpec spec = p.getSpec();
        String hostIp = p.getStatus() == null ? null : p.getStatus().getHostIP();
        String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
        return new Pod(ns, p.getMetadata().getName(), p.getMetadata().getLabels(), ips, ports(spec),
                spec != null && Boolean.TRUE.equals(spec.getHostNetwork()), owner, hostIp, phase);
    }

    private static Pod workloadPod(YamlDocument doc) throws com.fasterxml.jackson.core.JsonProcessingException {
        JsonNode spec = doc.node().path("spec");
        JsonNode template = doc.kind().equals("CronJob") ? spec.path("jobTemplate").path("spec").path("template") : spec.path("template");
        if (template.isMissingNode() || template.isNull()) {
            return null;
        }
        PodTemplateSpec t = MAPPER.treeToValue(template, PodTemplateSpec.class);
        String name = doc.name();
        String ns = doc.node().path("metadata").path("namespace").asText("");
        if (ns.isEmpty()) {
            ns = "default";
        }
        Map<String, String> labels = t.getMetadata() == null ? Map.of() : t.getMetadata().getLabels();
        return new Pod(ns, name, labels, List.of(), ports(t.getSpec()), t.getSpec() != null && Boolean.TRUE.equals(t.getSpec().getHostNetwork()),
                new Owner(doc.kind(), name));
    }

    private static List<NamedPort> ports(PodSpec spec) {
        List<NamedPort> out = new ArrayList<>();
        if (spec == null) {
            return out;
        }
        List<Container> containers = new ArrayList<>();
        if (spec.getContainers() != null) {
            containers.addAll(spec.getContainers());
        }
        if (spec.getInitContainers() != null) {
            // Restartable init containers (sidecars) serve ports too.
            spec.getInitContainers().stream().filter(c -> "Always".equals(c.getRestartPolicy())).forEach(containers::add);
        }
        for (Container c : containers) {
            if (c.getPorts() == null) {
                continue;
            }
            for (ContainerPort p : c.getPorts()) {
                if (p.getName() != null && !p.getName().isEmpty() && p.getContainerPort() != null) {
                    out.add(new NamedPort(p.getName(), p.getContainerPort(), p.getProtocol()));
                }
            }
        }
        return out;
    }

    /** The checks an API server makes that the semantics depend on. */
    private static void validate(NetworkPolicy np, YamlDocument doc, List<InputProblem> problems) {
        java.util.function.BiConsumer<String, String> problem = (path, message) -> problems.add(doc.problem(path, message));
        if (np.getSpec() == null) {
            problem.accept("spec", "missing spec");
            np.setSpec(new io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec());
            return;
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
