package dev.esnetpol.analyze;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

import java.util.Map;

/**
 * A peer a policy rule admits, described by what selects it rather than by a pod of the input: the pods that
 * may appear (now or later) in a namespace named {@code namespace}, or in every namespace whose labels
 * satisfy {@code namespaceSelector} (every namespace when both are absent), that carry labels satisfying
 * {@code podSelector}. From a {@code networking.k8s.io/v1} NetworkPolicyPeer: a peer without
 * namespaceSelector is in the policy's namespace; a namespaceSelector that is exactly
 * {@code kubernetes.io/metadata.name: X} (the label the API server sets on every namespace) names X.
 *
 * @param namespace         one namespace by name, or null
 * @param namespaceSelector the namespaces' labels when {@code namespace} is null ({@link SelectorTerms#EVERYTHING}: all namespaces)
 * @param podSelector       the pods' labels ({@link SelectorTerms#EVERYTHING}: all pods)
 */
public record ExposurePeer(String namespace, SelectorTerms namespaceSelector, SelectorTerms podSelector) {

    /** Any pod of any namespace: np-guard's {@code entire-cluster}. */
    public static final ExposurePeer ENTIRE_CLUSTER = new ExposurePeer(null, SelectorTerms.EVERYTHING, SelectorTerms.EVERYTHING);

    /** The peer a rule's {@code from}/{@code to} entry describes (not an ipBlock). */
    static ExposurePeer of(NetworkPolicyPeer peer, String policyNamespace) {
        SelectorTerms pods = SelectorTerms.of(peer.getPodSelector());
        if (peer.getNamespaceSelector() == null) {
            return new ExposurePeer(policyNamespace, SelectorTerms.EVERYTHING, pods);
        }
        SelectorTerms ns = SelectorTerms.of(peer.getNamespaceSelector());
        Map<String, String> exact = ns.exactLabels();
        if (exact != null && exact.size() == 1 && exact.containsKey(Namespace.NAME_LABEL)) {
            return new ExposurePeer(exact.get(Namespace.NAME_LABEL), SelectorTerms.EVERYTHING, pods);
        }
        return new ExposurePeer(null, ns, pods);
    }

    public boolean isEntireCluster() {
        return equals(ENTIRE_CLUSTER);
    }

    /**
     * Whether every pod this peer stands for is certainly one of {@code other}'s: the namespace side (a named
     * namespace is covered by a selector its labels in {@code cluster} satisfy) and the pod side both covered.
     */
    boolean covers(ExposurePeer other, Cluster cluster) {
        boolean namespaces;
        if (namespace != null) {
            namespaces = namespace.equals(other.namespace);
        } else if (other.namespace != null) {
            namespaces = namespaceSelector.matches(cluster.namespace(other.namespace).labels());
        } else {
            namespaces = namespaceSelector.covers(other.namespaceSelector);
        }
        return namespaces && podSelector.covers(other.podSelector);
    }

    /**
     * np-guard's words, with Kubernetes' selector syntax inside the braces: {@code entire-cluster},
     * {@code backend/[all pods]}, {@code [namespace with {effect=NoSchedule}]/[pod with {role=monitoring}]},
     * {@code [all namespaces]/[pod with {app notin (x)}]}.
     */
    public String text() {
        if (isEntireCluster()) {
            return "entire-cluster";
        }
        return (namespace != null ? namespace : namespacesText()) + "/" + podsText();
    }

    /** The namespaces of a peer that selects them by labels, as np-guard names them: {@code [namespace with {team=ops}]}. */
    public String namespacesText() {
        return namespaceSelector.isEverything() ? "[all namespaces]" : "[namespace with " + namespaceSelector.text() + "]";
    }

    /** The pods of the peer, as np-guard names them: {@code [pod with {app=x}]}, {@code [all pods]}. */
    public String podsText() {
        return podSelector.isEverything() ? "[all pods]" : "[pod with " + podSelector.text() + "]";
    }
}
