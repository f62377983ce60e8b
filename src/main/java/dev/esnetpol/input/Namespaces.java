package dev.esnetpol.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The namespace of an object that does not name one, as kubectl resolves it: {@code -n/--namespace}, else
 * the namespace of the kubeconfig's current context, else {@code default}. Every command applies this one
 * rule to everything it reads, before anything else looks at the objects, so that pods, policies and
 * Event Streams resources without a namespace end up together, in the namespace kubectl would put them in.
 */
public final class Namespaces {

    /**
     * The namespace chosen for objects without one, and why (for the line on standard error).
     *
     * @param givenBy what gave it, where an object in another namespace is refused: {@code -n}, or a live side of
     *                {@code diff} ({@code live:kafka}, {@code live: (context 'lab')}); null when it is only a default
     */
    public record Resolved(String name, String source, String givenBy) {

        /** Whether something the user gave chose it (objects of another namespace are refused), not a default. */
        public boolean fromFlag() {
            return givenBy != null;
        }

        /** The namespace a live cluster is read in ({@code diff live: DIR}): files are applied there. */
        public static Resolved live(String namespace, String operand) {
            return new Resolved(namespace, "the namespace read live (" + operand + ")", operand);
        }

        /** Why an object in namespace {@code other} is refused, and what to do instead. */
        String mismatch(String other) {
            if (givenBy.equals("-n")) {
                return "the object is in namespace '" + other + "', not '" + name + "' as -n says (kubectl refuses this too); drop -n or pass -n " + other;
            }
            return "the object is in namespace '" + other + "', not '" + name + "', the namespace the live side reads (" + givenBy
                    + "); compare it with live:" + other + ", or leave its metadata.namespace out";
        }

        /**
         * @param flag              the {@code -n} value, or null
         * @param contextNamespace  the kubeconfig current context's namespace, or null
         * @param contextName       that context's name, for the message
         */
        public static Resolved of(String flag, String contextNamespace, String contextName) {
            if (flag != null && !flag.isEmpty()) {
                return new Resolved(flag, "from -n/--namespace", "-n");
            }
            if (contextNamespace != null && !contextNamespace.isEmpty()) {
                return new Resolved(contextNamespace, "the namespace of kubeconfig context '" + contextName + "'", null);
            }
            return new Resolved("default", "no -n/--namespace and no namespace in a kubeconfig context", null);
        }
    }

    /**
     * What {@link #fill} did: how many objects got the namespace, and the mismatches it refused.
     *
     * @param resolved the namespace objects got; null when none needed one (and none was resolved)
     */
    public record Filled(int count, Set<String> kinds, List<InputProblem> problems, Resolved resolved) {

        /** The line for standard error, or null when every object had its namespace. */
        public String note() {
            if (count == 0) {
                return null;
            }
            Resolved ns = resolved;
            return "namespace: " + count + " object(s) without metadata.namespace (" + String.join(", ", kinds) + ") taken to be in '"
                    + ns.name() + "' (" + ns.source() + ")";
        }
    }

    /** Kinds that are not in any namespace: they never get one. */
    public static final Set<String> CLUSTER_SCOPED = Set.of(
            "Namespace", "Node", "PersistentVolume", "StorageClass", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PriorityClass", "RuntimeClass", "IngressClass", "APIService",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "ValidatingAdmissionPolicy",
            "ValidatingAdmissionPolicyBinding", "CSIDriver", "CSINode", "VolumeAttachment", "ClusterIssuer",
            "SecurityContextConstraints", "ClusterServiceVersion", "ClusterNetworkPolicy", "AdminNetworkPolicy",
            "BaselineAdminNetworkPolicy", "GlobalNetworkPolicy", "Kustomization", "Component");

    private Namespaces() {
    }

    /**
     * Gives every namespaced object without a namespace the resolved one (in place). With {@code refuseMismatch},
     * an object that names another namespace than {@code -n} is a problem, as kubectl refuses it; review, whose
     * {@code -n} chooses which namespace of a dump to look at, passes false.
     *
     * @param resolve asked (at most once) only when an object lacks a namespace or {@code refuseMismatch} needs
     *                the {@code -n} value: finding the kubeconfig context's namespace means reading the
     *                kubeconfig, which a run on files that all name their namespace does not need
     */
    public static Filled fill(List<YamlDocument> documents, java.util.function.Supplier<Resolved> resolve, boolean refuseMismatch) {
        return fill(documents, resolve, refuseMismatch, doc -> true);
    }

    /**
     * {@link #fill(List, java.util.function.Supplier, boolean)}, refusing a mismatch only in the documents
     * {@code used}: an object the command skips (a ConfigMap of another namespace in a multi-namespace GitOps
     * folder) is no object of the run, whatever its namespace.
     */
    public static Filled fill(List<YamlDocument> documents, java.util.function.Supplier<Resolved> resolve, boolean refuseMismatch,
                              java.util.function.Predicate<YamlDocument> used) {
        Resolved[] resolved = {null};
        java.util.function.Supplier<Resolved> ns = () -> resolved[0] == null ? (resolved[0] = resolve.get()) : resolved[0];
        int count = 0;
        Set<String> kinds = new TreeSet<>();
        List<InputProblem> problems = new ArrayList<>();
        for (YamlDocument doc : documents) {
            if (!doc.node().isObject() || CLUSTER_SCOPED.contains(doc.kind()) || doc.kind().isEmpty()) {
                continue;
            }
            ObjectNode object = (ObjectNode) doc.node();
            JsonNode metadata = object.get("metadata");
            if (metadata != null && !metadata.isObject()) {
                continue; // a wrong-typed metadata is reported by the reader of the kind
            }
            JsonNode current = metadata == null ? null : metadata.get("namespace");
            if (current == null || current.isNull() || (current.isTextual() && current.asText().isEmpty())) {
                ObjectNode m = metadata == null ? object.putObject("metadata") : (ObjectNode) metadata;
                m.put("namespace", ns.get().name());
                count++;
                kinds.add(doc.kind());
            } else if (refuseMismatch && used.test(doc) && current.isTextual() && ns.get().fromFlag() && !current.asText().equals(ns.get().name())) {
                problems.add(doc.problem("metadata.namespace", ns.get().mismatch(current.asText())));
            }
        }
        return new Filled(count, kinds, problems, resolved[0]);
    }
}
