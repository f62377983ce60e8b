package dev.esnetpol.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.esnetpol.input.InputProblem;
import dev.esnetpol.input.YamlDocument;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.esnetpol.kube.StrictSchemas.*;

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
 * metadata of the others, and of a pod the fields the analysis reads: {@link StrictSchemas}); in a pod's spec
 * and status another field is refused only when it looks like a misspelling of one of those, and the rest is
 * left to the API server.
 */
public final class StrictFields {

    /** The kinds read strictly here (NetworkPolicy only in group networking.k8s.io). */
    public static final Set<String> KINDS = Set.of("NetworkPolicy", "Pod", "Namespace");

    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
            "ReplicationController", "Job", "CronJob", "DeploymentConfig");

    private StrictFields() {
    }

    /** Whether {@link #check} reads this document's kind strictly. */
    public static boolean isChecked(YamlDocument doc) {
        return isNetworkPolicy(doc) || isClusterPolicy(doc) || doc.kind().equals("Pod") || doc.kind().equals("Namespace") || WORKLOADS.contains(doc.kind())
                || isExposure(doc) || isService(doc);
    }

    /** A {@code route.openshift.io/v1} Route or a {@code networking.k8s.io/v1} Ingress: what the router or ingress controller forwards. */
    public static boolean isExposure(YamlDocument doc) {
        return doc.kind().equals("Route") && doc.apiVersion().equals("route.openshift.io/v1")
                || doc.kind().equals("Ingress") && doc.apiVersion().equals("networking.k8s.io/v1");
    }

    /** A core {@code v1} Service (the backend of a Route or Ingress). */
    public static boolean isService(YamlDocument doc) {
        return doc.kind().equals("Service") && doc.apiVersion().equals("v1");
    }

    /**
     * Whether the document is a cluster-scoped policy: AdminNetworkPolicy or BaselineAdminNetworkPolicy of
     * {@code policy.networking.k8s.io/v1alpha1}, or ClusterNetworkPolicy of {@code policy.networking.k8s.io/v1alpha2}
     * (other groups' kinds of the same name, Antrea's or Calico's, are not these).
     */
    public static boolean isClusterPolicy(YamlDocument doc) {
        return switch (doc.kind()) {
            case "AdminNetworkPolicy", "BaselineAdminNetworkPolicy" -> doc.apiVersion().equals("policy.networking.k8s.io/v1alpha1");
            case "ClusterNetworkPolicy" -> doc.apiVersion().equals("policy.networking.k8s.io/v1alpha2");
            default -> false;
        };
    }

    public static boolean isNetworkPolicy(YamlDocument doc) {
        return doc.kind().equals("NetworkPolicy") && doc.apiVersion().startsWith("networking.k8s.io/");
    }

    /**
     * The document's name as the API server checks it: a DNS subdomain (NetworkPolicy, Pod), a DNS label
     * (Namespace, and every metadata.namespace); and, in a pod's spec and status, fields that look like
     * misspellings of the ones the analysis reads ({@code prots}, {@code containerport}). Apart from
     * {@link #check} because analysis commands read test data of other tools (np-guard's names policies with
     * underscores and writes {@code containerport}, which Go's decoder takes for {@code containerPort}) and only
     * warn.
     */
    public static List<InputProblem> checkNames(YamlDocument doc) {
        List<InputProblem> problems = new ArrayList<>();
        Checker c = new Checker(doc, problems, problems);
        walk(doc, new Checker(doc, new ArrayList<>(), problems));
        JsonNode node = doc.node();
        if (isNetworkPolicy(doc) || isClusterPolicy(doc) || doc.kind().equals("Pod") || isExposure(doc)) {
            c.name(node, "metadata.name", true);
        } else if (isService(doc)) {
            c.name(node, "metadata.name", false);
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
        doc.lines().duplicates().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                problems.add(new InputProblem(doc.file(), e.getValue(), e.getKey(), "duplicate field (given twice in one mapping)")));
        walk(doc, new Checker(doc, problems, new ArrayList<>()));
        return problems;
    }

    /** Checks the document's fields by its kind's schema. */
    private static void walk(YamlDocument doc, Checker c) {
        List<InputProblem> problems = c.problems();
        String kind = doc.kind();
        JsonNode node = doc.node();
        if (isNetworkPolicy(doc)) {
            c.check(node, "", NETWORK_POLICY);
        } else if (isClusterPolicy(doc)) {
            c.check(node, "", switch (kind) {
                case "AdminNetworkPolicy" -> ADMIN_NETWORK_POLICY;
                case "BaselineAdminNetworkPolicy" -> BASELINE_ADMIN_NETWORK_POLICY;
                default -> CLUSTER_NETWORK_POLICY;
            });
        } else if (kind.equals("Pod")) {
            c.check(node, "", POD);
        } else if (kind.equals("Namespace")) {
            c.check(node, "", NAMESPACE);
            if (node.path("metadata").has("namespace")) {
                problems.add(doc.problem("metadata.namespace", "a Namespace is not in a namespace"));
            }
        } else if (isExposure(doc)) {
            c.check(node, "", kind.equals("Route") ? ROUTE : INGRESS);
        } else if (isService(doc)) {
            c.check(node, "", SERVICE);
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
    }

    /** Where problems go: {@code misspellings} are the unknown fields of {@link StrictSchemas.Open} objects. */
    private record Checker(YamlDocument doc, List<InputProblem> problems, List<InputProblem> misspellings) {

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
                    if (node.get(i).isNull() && (l.item() instanceof Fields || l.item() instanceof Open)) {
                        // The API server reads it as an empty object, which its validation refuses.
                        problem(path + "[" + i + "]", "a list item is null");
                    } else {
                        check(node.get(i), path + "[" + i + "]", l.item());
                    }
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
            } else if (type instanceof Open o) {
                if (!node.isObject()) {
                    problem(path, "expected a mapping, found " + describe(node, path));
                    return;
                }
                node.fields().forEachRemaining(e -> {
                    String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                    Type t = o.read().get(e.getKey());
                    if (t != null) {
                        check(e.getValue(), child, t);
                    } else if (!o.alsoKnown().contains(e.getKey()) && o.resemblesRead(e.getKey())) {
                        misspellings.add(doc.problem(child, "unknown field '" + e.getKey() + "'" + Suggestions.didYouMean(e.getKey(), o.read().keySet())));
                    }
                });
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
            String made = node.isBoolean() ? dev.esnetpol.input.YamlReading.madeBoolean(text, node.booleanValue()) : null;
            if (made != null) {
                // y, yes, on, ...: a YAML 1.1 word the file's author likely meant as a string (--yaml says how words are read).
                return "a boolean: " + made;
            }
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
