package dev.esnetpol.generate;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What differs between the policy es-netpol renders and one installed, field by field, in words a reviewer
 * can act on ({@code spec.ingress[1].from: 5 peers rendered, 0 installed (open to anywhere)}). Server-set
 * metadata (resourceVersion, managedFields, ...), labels and annotations others added are not differences.
 * The operator writes when this is not empty; review reports it as drift.
 */
public final class PolicyDifferences {

    private PolicyDifferences() {
    }

    public static List<String> between(NetworkPolicy rendered, NetworkPolicy installed) {
        List<String> out = ofSpecAndLabels(rendered, installed);
        // The options it records: the operator rewrites a policy made with other options even where its rules came out the same.
        if (!Objects.equals(RecordedOptions.of(rendered), RecordedOptions.of(installed))) {
            out.add("metadata.annotations." + RecordedOptions.ANNOTATION + ": " + RecordedOptions.of(rendered).orElse("absent") + " rendered, "
                    + RecordedOptions.of(installed).orElse("absent") + " installed");
        }
        if (!Objects.equals(rendered.getMetadata().getOwnerReferences(), installed.getMetadata().getOwnerReferences())) {
            out.add("metadata.ownerReferences differ");
        }
        return out;
    }

    /**
     * The differences that change what the policy does or whose it is (spec, es-netpol's labels), without the owner
     * references (they decide garbage collection, not connectivity: review notes them, {@link #ownerNote}) and the
     * recorded options (review compares those once for the namespace, not policy by policy).
     */
    public static List<String> ofSpecAndLabels(NetworkPolicy rendered, NetworkPolicy installed) {
        List<String> out = new ArrayList<>();
        var r = rendered.getSpec();
        var i = installed.getSpec();
        if (i == null) {
            out.add("spec: missing");
            return out;
        }
        if (!Objects.equals(r.getPodSelector(), i.getPodSelector())) {
            out.add("spec.podSelector: " + r.getPodSelector().getMatchLabels() + " rendered, " + describe(i.getPodSelector()) + " installed");
        }
        if (!Objects.equals(r.getPolicyTypes(), i.getPolicyTypes())) {
            out.add("spec.policyTypes: " + r.getPolicyTypes() + " rendered, " + i.getPolicyTypes() + " installed");
        }
        rules(out, "spec.ingress", r.getIngress(), i.getIngress(), true);
        rules(out, "spec.egress", r.getEgress(), i.getEgress(), false);
        Map<String, String> labels = installed.getMetadata().getLabels() == null ? Map.of() : installed.getMetadata().getLabels();
        rendered.getMetadata().getLabels().forEach((k, v) -> {
            if (!v.equals(labels.get(k))) {
                out.add("metadata.labels." + k + ": '" + v + "' rendered, " + (labels.get(k) == null ? "absent" : "'" + labels.get(k) + "'") + " installed");
            }
        });
        return out;
    }

    /**
     * What is wrong with the installed policy's owner reference, if anything a reader should know: none naming the
     * resource (rendered from a copy without {@code uid}, or written by hand), or one naming another object of that
     * name (an earlier resource, by {@code uid}). The policy is then not garbage-collected with its resource.
     *
     * @param rendered the policy as rendered from the resource read; its owner reference names that resource when it has a uid
     * @param kind     the kind of the resource the policy is rendered for; {@code name} its name
     */
    public static java.util.Optional<String> ownerNote(NetworkPolicy rendered, NetworkPolicy installed, String kind, String name) {
        List<io.fabric8.kubernetes.api.model.OwnerReference> have = installed.getMetadata().getOwnerReferences() == null ? List.of()
                : installed.getMetadata().getOwnerReferences();
        var named = have.stream().filter(o -> kind.equals(o.getKind()) && name.equals(o.getName())).findFirst();
        if (named.isEmpty()) {
            return java.util.Optional.of("not owned by its " + kind + " " + name + ": not garbage-collected with it");
        }
        List<io.fabric8.kubernetes.api.model.OwnerReference> want = rendered.getMetadata().getOwnerReferences() == null ? List.of()
                : rendered.getMetadata().getOwnerReferences();
        return want.stream().filter(o -> o.getUid() != null && !o.getUid().equals(named.get().getUid())).findFirst()
                .map(o -> "owned by an earlier " + kind + " " + name + " (uid " + named.get().getUid() + ", the resource's is " + o.getUid()
                        + "): not garbage-collected with it");
    }

    private static String describe(io.fabric8.kubernetes.api.model.LabelSelector s) {
        return s == null ? "none" : String.valueOf(s.getMatchLabels()) + (s.getMatchExpressions() == null || s.getMatchExpressions().isEmpty()
                ? "" : " " + s.getMatchExpressions());
    }

    private static <T> void rules(List<String> out, String path, List<T> rendered, List<T> installed, boolean ingress) {
        List<T> r = rendered == null ? List.of() : rendered;
        List<T> i = installed == null ? List.of() : installed;
        if (r.size() != i.size()) {
            out.add(path + ": " + r.size() + " rules rendered, " + i.size() + " installed");
        }
        for (int k = 0; k < Math.min(r.size(), i.size()); k++) {
            if (Objects.equals(r.get(k), i.get(k))) {
                continue;
            }
            List<?> rPeers = peers(r.get(k), ingress);
            List<?> iPeers = peers(i.get(k), ingress);
            String field = ingress ? "from" : "to";
            if (!Objects.equals(rPeers, iPeers)) {
                out.add(path + "[" + k + "]." + field + ": " + count(rPeers) + " rendered, " + count(iPeers) + " installed");
            }
            if (!Objects.equals(ports(r.get(k), ingress), ports(i.get(k), ingress))) {
                out.add(path + "[" + k + "].ports: " + portText(ports(r.get(k), ingress)) + " rendered, " + portText(ports(i.get(k), ingress)) + " installed");
            }
        }
    }

    private static String count(List<?> peers) {
        return peers == null || peers.isEmpty() ? "no peers (anywhere)" : peers.size() + (peers.size() == 1 ? " peer" : " peers");
    }

    private static List<?> peers(Object rule, boolean ingress) {
        return ingress ? ((io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule) rule).getFrom()
                : ((io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule) rule).getTo();
    }

    private static List<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort> ports(Object rule, boolean ingress) {
        return ingress ? ((io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule) rule).getPorts()
                : ((io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule) rule).getPorts();
    }

    private static String portText(List<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort> ports) {
        if (ports == null || ports.isEmpty()) {
            return "all ports";
        }
        List<String> out = new ArrayList<>();
        for (var p : ports) {
            out.add((p.getPort() == null ? "all" : p.getPort().getIntVal() != null ? p.getPort().getIntVal().toString() : p.getPort().getStrVal())
                    + "/" + (p.getProtocol() == null ? "TCP" : p.getProtocol()));
        }
        return String.join(",", out);
    }
}
