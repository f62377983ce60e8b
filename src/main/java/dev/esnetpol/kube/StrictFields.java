package dev.esnetpol.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.esnetpol.input.InputProblem;
import dev.esnetpol.input.YamlDocument;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Kubernetes objects es-netpol analyses (NetworkPolicy, Pod, Namespace and the pod templates of
 * workloads) as strictly as the API server does with strict field validation, before fabric8's tolerant
 * model sees them: a field the type does not have ({@code spec.ingres}), a field given twice, a value of the
 * wrong type, and above all a label value YAML did not read as a string ({@code 1.10}, {@code yes},
 * {@code 12e4}: kubectl and the API server refuse them; a tolerant reader would turn them into other
 * strings that no selector matches). Names and label keys and values are checked with the API server's
 * rules. Every problem is reported, with its field path and, for an unknown field, the closest known ones.
 *
 * <p>Only the parts whose meaning es-netpol depends on are typed field by field (all of a NetworkPolicy, the
 * metadata of the others); the rest of a Pod's spec is left to the API server.
 */
public final class StrictFields {

    /** The kinds read strictly here (NetworkPolicy only in group networking.k8s.io). */
    public static final Set<String> KINDS = Set.of("NetworkPolicy", "Pod", "Namespace");

    private sealed interface Type permits Scalar, ListOf, Labels, StringMap, Fields, Any {
    }

    private enum Scalar implements Type { STRING, INT, BOOL, INT_OR_STRING }

    private record ListOf(Type item) implements Type {
    }

    /** Label keys and values, checked with the API server's rules; {@code selector} for matchLabels. */
    private record Labels() implements Type {
    }

    /** A map of strings (annotations). */
    private record StringMap() implements Type {
    }

    private record Fields(Map<String, Type> fields) implements Type {
    }

    private record Any() implements Type {
    }

    private static final Type ANY = new Any();

    private static Fields fields(Object... nameTypePairs) {
        Map<String, Type> m = new LinkedHashMap<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            m.put((String) nameTypePairs[i], (Type) nameTypePairs[i + 1]);
        }
        return new Fields(m);
    }

    private static final Fields OBJECT_META = fields(
            "name", Scalar.STRING, "generateName", Scalar.STRING, "namespace", Scalar.STRING, "selfLink", Scalar.STRING,
            "uid", Scalar.STRING, "resourceVersion", Scalar.STRING, "generation", Scalar.INT,
            "creationTimestamp", ANY, "deletionTimestamp", ANY, "deletionGracePeriodSeconds", Scalar.INT,
            "labels", new Labels(), "annotations", new StringMap(), "ownerReferences", ANY, "finalizers", new ListOf(Scalar.STRING),
            "managedFields", ANY);

    private static final Fields SELECTOR = fields(
            "matchLabels", new Labels(),
            "matchExpressions", new ListOf(fields("key", Scalar.STRING, "operator", Scalar.STRING, "values", new ListOf(Scalar.STRING))));

    private static final Fields PEER = fields(
            "podSelector", SELECTOR, "namespaceSelector", SELECTOR,
            "ipBlock", fields("cidr", Scalar.STRING, "except", new ListOf(Scalar.STRING)));

    private static final Fields PORT = fields("protocol", Scalar.STRING, "port", Scalar.INT_OR_STRING, "endPort", Scalar.INT);

    private static final Fields NETWORK_POLICY = fields(
            "apiVersion", Scalar.STRING, "kind", Scalar.STRING, "metadata", OBJECT_META,
            "spec", fields(
                    "podSelector", SELECTOR,
                    "policyTypes", new ListOf(Scalar.STRING),
                    "ingress", new ListOf(fields("from", new ListOf(PEER), "ports", new ListOf(PORT))),
                    "egress", new ListOf(fields("to", new ListOf(PEER), "ports", new ListOf(PORT)))),
            "status", ANY);

    private static final Fields TEMPLATE = fields("metadata", OBJECT_META, "spec", ANY);

    private static final Fields POD = fields("apiVersion", Scalar.STRING, "kind", Scalar.STRING, "metadata", OBJECT_META,
            "spec", ANY, "status", ANY);

    private static final Fields NAMESPACE = fields("apiVersion", Scalar.STRING, "kind", Scalar.STRING, "metadata", OBJECT_META,
            "spec", ANY, "status", ANY);

    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
            "ReplicationController", "Job", "CronJob", "DeploymentConfig");

    private StrictFields() {
    }

    /** Whether {@link #check} reads this document's kind strictly. */
    public static boolean isChecked(YamlDocument doc) {
        return isNetworkPolicy(doc) || doc.kind().equals("Pod") || doc.kind().equals("Namespace") || WORKLOADS.contains(doc.kind());
    }

    public static boolean isNetworkPolicy(YamlDocument doc) {
        return doc.kind().equals("NetworkPolicy") && doc.apiVersion().startsWith("networking.k8s.io/");
    }

    /**
     * The document's name as the API server checks it: a DNS subdomain (NetworkPolicy, Pod), a DNS label
     * (Namespace, and every metadata.namespace). Apart from {@link #check} because analysis commands read
     * test data of other tools (np-guard's names policies with underscores) and only warn.
     */
    public static List<InputProblem> checkNames(YamlDocument doc) {
        List<InputProblem> problems = new ArrayList<>();
        Checker c = new Checker(doc, problems);
        JsonNode node = doc.node();
        if (isNetworkPolicy(doc) || doc.kind().equals("Pod")) {
            c.name(node, "metadata.name", true);
        } else if (doc.kind().equals("Namespace")) {
            c.name(node, "metadata.name", false);
        }
        if (!doc.kind().equals("Namespace") && node.path("metadata").path("namespace").isTextual()) {
            String ns = node.path("metadata").path("namespace").asText();
            if (!KubeValidation.isDnsLabel(ns)) {
                problems.add(doc.problem("metadata.namespace", "invalid namespace '" + ns + "' (a DNS label: at most 63 lower-case "
                        + "letters, digits and '-', starting and ending with a letter or digit)"));
            }
        }
        return problems;
    }

    /** Every problem of the document's fields and labels (names apart: {@link #checkNames}), empty when the API server would read it. */
    public static List<InputProblem> check(YamlDocument doc) {
        List<InputProblem> problems = new ArrayList<>();
        Checker c = new Checker(doc, problems);
        doc.lines().duplicates().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                problems.add(new InputProblem(doc.file(), e.getValue(), e.getKey(), "duplicate field (given twice in one mapping)")));
        String kind = doc.kind();
        JsonNode node = doc.node();
        if (isNetworkPolicy(doc)) {
            c.check(node, "", NETWORK_POLICY);
        } else if (kind.equals("Pod")) {
            c.check(node, "", POD);
        } else if (kind.equals("Namespace")) {
            c.check(node, "", NAMESPACE);
            if (node.path("metadata").has("namespace")) {
                problems.add(doc.problem("metadata.namespace", "a Namespace is not in a namespace"));
            }
        } else if (WORKLOADS.contains(kind)) {
            c.check(node.path("metadata"), "metadata", OBJECT_META);
            String template = kind.equals("CronJob") ? "spec.jobTemplate.spec.template" : "spec.template";
            JsonNode t = node;
            for (String part : template.split("\\.")) {
                t = t.path(part);
            }
            if (t.isObject()) {
                c.check(t, template, TEMPLATE);
            }
        }
        return problems;
    }

    private record Checker(YamlDocument doc, List<InputProblem> problems) {

        void problem(String path, String message) {
            problems.add(doc.problem(path, message));
        }

        void name(JsonNode node, String path, boolean subdomain) {
            JsonNode name = node.path("metadata").path("name");
            if (name.isMissingNode() || name.isNull()) {
                if (!node.path("metadata").has("generateName")) {
                    problem(path, "name is required");
                }
                return;
            }
            if (!name.isTextual()) {
                return; // reported as a wrong type
            }
            String n = name.asText();
            boolean ok = subdomain ? KubeValidation.isDnsSubdomain(n) : KubeValidation.isDnsLabel(n);
            if (!ok) {
                problem(path, "invalid name '" + n + "' (" + (subdomain
                        ? "a DNS subdomain: at most 253 lower-case letters, digits, '-' and '.', starting and ending with a letter or digit"
                        : "a DNS label: at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit") + ")");
            }
        }

        void check(JsonNode node, String path, Type type) {
            if (node.isNull() || type instanceof Any) {
                return; // null is "not given" for the API server too
            }
            if (type instanceof Scalar s) {
                scalar(node, path, s);
            } else if (type instanceof ListOf l) {
                if (!node.isArray()) {
                    problem(path, "expected a list, found " + describe(node, path));
                    return;
                }
                for (int i = 0; i < node.size(); i++) {
                    check(node.get(i), path + "[" + i + "]", l.item());
                }
            } else if (type instanceof StringMap) {
                if (!node.isObject()) {
                    problem(path, "expected a mapping, found " + describe(node, path));
                    return;
                }
                node.fields().forEachRemaining(e -> {
                    if (!e.getValue().isTextual()) {
                        problem(path + "." + e.getKey(), "expected a string, found " + describe(e.getValue(), path + "." + e.getKey())
                                + quoteHint(e.getValue(), path + "." + e.getKey()));
                    }
                });
            } else if (type instanceof Labels) {
                labels(node, path);
            } else if (type instanceof Fields f) {
                if (!node.isObject()) {
                    problem(path, "expected a mapping, found " + describe(node, path));
                    return;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                    Type t = f.fields().get(e.getKey());
                    if (t == null) {
                        problem(child, "unknown field '" + e.getKey() + "'" + Suggestions.didYouMean(e.getKey(), f.fields().keySet()));
                    } else {
                        check(e.getValue(), child, t);
                    }
                }
            }
        }

        void scalar(JsonNode node, String path, Scalar s) {
            boolean ok = switch (s) {
                case STRING -> node.isTextual();
                case INT -> node.isIntegralNumber();
                case BOOL -> node.isBoolean();
                case INT_OR_STRING -> node.isTextual() || node.isIntegralNumber();
            };
            if (!ok) {
                String expected = switch (s) {
                    case STRING -> "a string";
                    case INT -> "a whole number";
                    case BOOL -> "true or false";
                    case INT_OR_STRING -> "a port number or name";
                };
                problem(path, "expected " + expected + ", found " + describe(node, path) + (s == Scalar.STRING ? quoteHint(node, path) : ""));
            }
        }

        void labels(JsonNode node, String path) {
            if (!node.isObject()) {
                problem(path, "expected a mapping of label keys to values, found " + describe(node, path));
                return;
            }
            node.fields().forEachRemaining(e -> {
                String at = path + "." + e.getKey();
                KubeValidation.validateLabelKey(e.getKey(), at, this::problem);
                JsonNode v = e.getValue();
                if (v.isTextual()) {
                    KubeValidation.validateLabelValue(v.asText(), at, this::problem);
                } else {
                    problem(at, "a label value must be a string, found " + describe(v, at) + quoteHint(v, at));
                }
            });
        }

        /** What YAML made of a value: the kind of node, with the text the file had. */
        String describe(JsonNode node, String path) {
            String text = doc.lines().textOf(path);
            String shown = text != null ? text : node.isContainerNode() ? "" : node.asText();
            String what = node.isBoolean() ? "a boolean" : node.isNumber() ? "a number" : node.isArray() ? "a list"
                    : node.isObject() ? "a mapping" : node.isNull() ? "null" : "a string";
            return shown.isEmpty() ? what : what + " (" + shown + ")";
        }

        String quoteHint(JsonNode node, String path) {
            if (node.isNumber() || node.isBoolean()) {
                String text = doc.lines().textOf(path);
                return "; quote it: '" + (text != null ? text : node.asText()) + "'";
            }
            return "";
        }
    }
}
