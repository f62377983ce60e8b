package dev.esnetpol.analyze;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodIP;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a Pod, or of a workload's pod template, that NetworkPolicy semantics read, and nothing else:
 * {@code metadata} (fabric8's {@link ObjectMeta}), {@code spec.hostNetwork}, the {@code ports} (fabric8's
 * {@link ContainerPort}) and {@code restartPolicy} of containers and init containers, and the addresses and
 * phase of {@code status}. {@link #read} reads a document's tree into this view ({@link TreeFields}) and skips
 * the rest.
 *
 * <p>Null items in these lists are passed over here ({@code StrictFields} refuses them, with their path, before
 * a command gets here).
 *
 * <p>Why not fabric8's {@code Pod}: reading one builds Jackson deserializers for the whole pod model (volumes
 * of 30 kinds, probes, security contexts: some 350 classes), which took 0.27 s of a 1 s {@code matrix} run on
 * 100 pods, for fields the analysis never reads; and why not Jackson's binding at all, {@link TreeFields}.
 * Field types are still checked: a {@code containerPort} that is not a number is an error, as with the full
 * model.
 *
 * @param metadata the pod's or template's {@code metadata}; may be null in a template
 * @param spec     {@code spec}; null when absent
 * @param status   {@code status}; null for a manifest or a template
 */
public record PodDocument(ObjectMeta metadata, PodSpec spec, PodStatus status) {

    /** {@code spec}: the fields of {@code PodSpec} the analysis reads. */
    public record PodSpec(Boolean hostNetwork, List<Container> containers, List<Container> initContainers) {
    }

    /** One of {@code spec.containers} or {@code spec.initContainers}: its ports, and whether it keeps running. */
    public record Container(String restartPolicy, List<ContainerPort> ports) {
    }

    /** {@code status}: the pod's addresses ({@code podIPs}, else {@code podIP}), its node's ({@code hostIP}) and its {@code phase}. */
    public record PodStatus(String podIP, List<PodIP> podIPs, String hostIP, String phase) {
    }

    /**
     * The view of a Pod, or of a pod template, from its tree; values of the wrong type are given to
     * {@code fields}' consumer with their paths below {@code path} (empty for a whole Pod document).
     */
    static PodDocument read(JsonNode node, String path, TreeFields fields) {
        String at = path.isEmpty() ? "" : path + ".";
        if (!fields.mapping(node, path.isEmpty() ? "" : path)) {
            return new PodDocument(null, null, null);
        }
        ObjectMeta metadata = fields.meta(node.get("metadata"), at + "metadata");
        PodSpec spec = null;
        JsonNode s = node.get("spec");
        if (fields.mapping(s, at + "spec")) {
            spec = new PodSpec(fields.bool(s.get("hostNetwork"), at + "spec.hostNetwork"),
                    fields.list(s.get("containers"), at + "spec.containers", (c, p) -> container(c, p, fields)),
                    fields.list(s.get("initContainers"), at + "spec.initContainers", (c, p) -> container(c, p, fields)));
        }
        PodStatus status = null;
        JsonNode t = node.get("status");
        if (fields.mapping(t, at + "status")) {
            status = new PodStatus(fields.string(t.get("podIP"), at + "status.podIP"),
                    fields.list(t.get("podIPs"), at + "status.podIPs", (ip, p) -> podIP(ip, p, fields)),
                    fields.string(t.get("hostIP"), at + "status.hostIP"), fields.string(t.get("phase"), at + "status.phase"));
        }
        return new PodDocument(metadata, spec, status);
    }

    private static Container container(JsonNode node, String path, TreeFields fields) {
        if (!fields.mapping(node, path)) {
            return null;
        }
        return new Container(fields.string(node.get("restartPolicy"), path + ".restartPolicy"),
                fields.list(node.get("ports"), path + ".ports", (p, at) -> containerPort(p, at, fields)));
    }

    private static ContainerPort containerPort(JsonNode node, String path, TreeFields fields) {
        if (!fields.mapping(node, path)) {
            return null;
        }
        ContainerPort port = new ContainerPort();
        fields.field(node, "name", path, fields::string, port::setName);
        fields.field(node, "containerPort", path, fields::integer, port::setContainerPort);
        fields.field(node, "protocol", path, fields::string, port::setProtocol);
        fields.field(node, "hostPort", path, fields::integer, port::setHostPort);
        fields.field(node, "hostIP", path, fields::string, port::setHostIP);
        TreeFields.unknown(node, java.util.Set.of("name", "containerPort", "protocol", "hostPort", "hostIP"), port.getAdditionalProperties());
        return port;
    }

    private static PodIP podIP(JsonNode node, String path, TreeFields fields) {
        if (!fields.mapping(node, path)) {
            return null;
        }
        PodIP ip = new PodIP();
        fields.field(node, "ip", path, fields::string, ip::setIp);
        TreeFields.unknown(node, java.util.Set.of("ip"), ip.getAdditionalProperties());
        return ip;
    }

    /**
     * The addresses of {@code status} by field path ({@code status.podIP}, {@code status.podIPs[1].ip},
     * {@code status.hostIP}), for checking before the analysis parses them.
     */
    java.util.Map<String, String> addressFields() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        if (status == null) {
            return out;
        }
        if (status.podIP() != null && !status.podIP().isEmpty()) {
            out.put("status.podIP", status.podIP());
        }
        for (int i = 0; status.podIPs() != null && i < status.podIPs().size(); i++) {
            PodIP ip = status.podIPs().get(i);
            if (ip != null && ip.getIp() != null && !ip.getIp().isEmpty()) {
                out.put("status.podIPs[" + i + "].ip", ip.getIp());
            }
        }
        if (status.hostIP() != null && !status.hostIP().isEmpty()) {
            out.put("status.hostIP", status.hostIP());
        }
        return out;
    }

    /**
     * The pod the analysis sees.
     *
     * @param document the whole Pod document, for what the view does not keep: the {@code kind} of an owner
     *                 reference as written (fabric8 defaults it); a missing node reads as no kind
     */
    Pod toPod(JsonNode document) {
        String ns = metadata.getNamespace() == null ? "default" : metadata.getNamespace();
        return new Pod(ns, name(), metadata.getLabels(), addresses(), namedPorts(), hostNetwork(),
                owner(document), status == null ? null : status.hostIP(), status == null ? null : status.phase());
    }

    /**
     * The pod a workload's template stands for (one representative of its replicas, named after the
     * workload and owned by it), in namespace {@code ns}.
     */
    Pod toTemplatePod(String ns, String kind, String name) {
        return new Pod(ns, name, metadata == null ? null : metadata.getLabels(), List.of(), namedPorts(), hostNetwork(),
                new Owner(kind, name));
    }

    /**
     * {@code metadata.name}; for a manifest with only {@code generateName} (the API server adds a random
     * suffix), the generateName; with neither, {@code <unnamed>}. The command that reads the pod has already
     * said whether that is an error (render, verify, review) or a warning (matrix, explain).
     */
    private String name() {
        if (metadata.getName() != null && !metadata.getName().isEmpty()) {
            return metadata.getName();
        }
        return metadata.getGenerateName() != null && !metadata.getGenerateName().isEmpty() ? metadata.getGenerateName() : "<unnamed>";
    }

    private boolean hostNetwork() {
        return spec != null && Boolean.TRUE.equals(spec.hostNetwork());
    }

    private List<String> addresses() {
        List<String> ips = new ArrayList<>();
        if (status == null) {
            return ips;
        }
        if (status.podIPs() != null) {
            for (PodIP ip : status.podIPs()) {
                if (ip != null && ip.getIp() != null && !ip.getIp().isEmpty()) {
                    ips.add(ip.getIp());
                }
            }
        }
        if (ips.isEmpty() && status.podIP() != null && !status.podIP().isEmpty()) {
            ips.add(status.podIP());
        }
        return ips;
    }

    /** The controlling owner reference (else the first); none, or a Node's (a static pod), leaves the pod its own owner. */
    private Owner owner(JsonNode document) {
        List<OwnerReference> refs = metadata.getOwnerReferences();
        if (refs == null || refs.isEmpty() || refs.get(0) == null) {
            return null;
        }
        int index = 0;
        for (int i = 0; i < refs.size(); i++) {
            if (refs.get(i) != null && Boolean.TRUE.equals(refs.get(i).getController())) {
                index = i;
                break;
            }
        }
        // np-guard shows a reference without a kind as a Pod: read the document's own kind.
        String kind = document.path("metadata").path("ownerReferences").path(index).path("kind").asText("");
        return kind.equals("Node") ? null : new Owner(kind.isEmpty() ? "Pod" : kind, refs.get(index).getName());
    }

    /**
     * Named ports of the containers and of restartable init containers (sidecars, which serve ports too). Loops,
     * not streams: this runs once per pod in a one-shot command, in the interpreter, where a stream pipeline costs
     * many times a loop.
     */
    private List<NamedPort> namedPorts() {
        List<NamedPort> out = new ArrayList<>();
        if (spec == null) {
            return out;
        }
        addNamedPorts(spec.containers(), false, out);
        addNamedPorts(spec.initContainers(), true, out);
        return out;
    }

    private static void addNamedPorts(List<Container> containers, boolean sidecarsOnly, List<NamedPort> out) {
        if (containers == null) {
            return;
        }
        for (Container c : containers) {
            if (c == null || c.ports() == null || (sidecarsOnly && !"Always".equals(c.restartPolicy()))) {
                continue;
            }
            for (ContainerPort p : c.ports()) {
                if (p != null && p.getName() != null && !p.getName().isEmpty() && p.getContainerPort() != null) {
                    out.add(new NamedPort(p.getName(), p.getContainerPort(), p.getProtocol()));
                }
            }
        }
    }
}
