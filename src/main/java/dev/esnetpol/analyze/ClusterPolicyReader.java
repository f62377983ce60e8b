package dev.esnetpol.analyze;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.esnetpol.kube.Cidr;
import dev.esnetpol.kube.KubeValidation;
import dev.esnetpol.kube.StrictFields;
import dev.esnetpol.kube.Suggestions;
import io.fabric8.kubernetes.api.model.LabelSelector;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Reads AdminNetworkPolicy, BaselineAdminNetworkPolicy ({@code policy.networking.k8s.io/v1alpha1}) and
 * ClusterNetworkPolicy ({@code v1alpha2}) into a {@link ClusterPolicy}, with the checks their CRDs make
 * (network-policy-api's {@code +kubebuilder:validation} markers and CEL rules): priority 0-1000, the
 * baseline singleton's name {@code default}, exactly one field in a subject, a peer and a port, actions of the
 * kind, at least one peer, CIDRs, ports 1-65535 and ranges start &lt; end, rule names of at most 100 characters, at most 100 (v1alpha1) or 25 (v1alpha2) rules
 * and peers. Field names and types are checked before, by {@code StrictFields}. A named port in a rule towards
 * networks, nodes or domain names is refused only by the CRDs' experimental channel: here it is read (it
 * resolves to nothing outside a pod) and {@link ClusterPolicyWarnings} warns.
 *
 * <p>YAML null is read as the API server reads it: a non-pointer selector ({@code podSelector} and
 * {@code namespaceSelector} of a {@code pods} subject or peer) as {@code {}} (everything), any other field as
 * absent. An empty {@code from}/{@code to} list (the CRD refuses it; a manifest may hold one) is kept empty and
 * read by {@link TierChoices#emptyPeers()}.
 */
public final class ClusterPolicyReader {

    private static final ObjectMapper MAPPER = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final Pattern DOMAIN = Pattern.compile("^(\\*\\.)?([a-zA-Z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\\.)+[a-zA-Z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\\.?$");

    private final String kind;
    private final boolean v1alpha2;
    private final BiConsumer<String, String> problem;

    private ClusterPolicyReader(String kind, BiConsumer<String, String> problem) {
        this.kind = kind;
        this.v1alpha2 = kind.equals("ClusterNetworkPolicy");
        this.problem = problem;
    }

    /** Whether the document is one of the three kinds (by kind and group; {@link StrictFields#isClusterPolicy}). */
    public static boolean isClusterPolicy(dev.esnetpol.input.YamlDocument doc) {
        return StrictFields.isClusterPolicy(doc);
    }

    /**
     * The policy of a document of one of the three kinds; every problem goes to {@code problem(path, message)}
     * (the result is then not to be analysed).
     */
    public static ClusterPolicy read(JsonNode node, BiConsumer<String, String> problem) {
        return new ClusterPolicyReader(node.path("kind").asText(), problem).policy(node);
    }

    private ClusterPolicy policy(JsonNode node) {
        String name = node.path("metadata").path("name").asText("");
        JsonNode spec = node.path("spec");
        if (!spec.isObject()) {
            problem.accept("spec", "spec is required");
            return new ClusterPolicy(kind, name, ClusterPolicy.Tier.ADMIN, 0, new ClusterPolicy.Subject(new LabelSelector(), null), List.of(), List.of());
        }
        ClusterPolicy.Tier tier = ClusterPolicy.Tier.ADMIN;
        int priority = 0;
        if (kind.equals("BaselineAdminNetworkPolicy")) {
            tier = ClusterPolicy.Tier.BASELINE;
            if (!name.equals("default")) {
                // The CRD's rule: only one BaselineAdminNetworkPolicy, named default.
                problem.accept("metadata.name", "a BaselineAdminNetworkPolicy must be named 'default' (there is one per cluster), not '" + name + "'");
            }
        } else {
            if (v1alpha2) {
                String t = spec.path("tier").asText("");
                if (t.equals("Admin")) {
                    tier = ClusterPolicy.Tier.ADMIN;
                } else if (t.equals("Baseline")) {
                    tier = ClusterPolicy.Tier.BASELINE;
                } else {
                    problem.accept("spec.tier", t.isEmpty() ? "tier is required (Admin or Baseline)"
                            : "unknown tier '" + t + "' (Admin or Baseline)" + Suggestions.didYouMean(t, List.of("Admin", "Baseline")));
                }
            }
            JsonNode p = spec.path("priority");
            if (!p.isIntegralNumber()) {
                problem.accept("spec.priority", "priority is required (0-1000, lower first)");
            } else if (p.asLong() < 0 || p.asLong() > 1000) {
                problem.accept("spec.priority", "priority " + p.asLong() + " is out of range 0-1000");
            } else {
                priority = p.asInt();
            }
        }
        ClusterPolicy.Subject subject = subject(spec.path("subject"), "spec.subject");
        int maxRules = v1alpha2 ? 25 : 100;
        List<ClusterPolicy.Rule> ingress = rules(spec.path("ingress"), "spec.ingress", true, maxRules);
        List<ClusterPolicy.Rule> egress = rules(spec.path("egress"), "spec.egress", false, maxRules);
        return new ClusterPolicy(kind, name, tier, priority, subject, ingress, egress);
    }

    private ClusterPolicy.Subject subject(JsonNode node, String path) {
        if (!node.isObject()) {
            problem.accept(path, "subject is required (namespaces or pods)");
            return new ClusterPolicy.Subject(new LabelSelector(), null);
        }
        List<String> set = setFields(node);
        if (set.size() != 1) {
            problem.accept(path, "exactly one of namespaces and pods must be set" + (set.isEmpty() ? "" : ", not " + String.join(" and ", set)));
            return new ClusterPolicy.Subject(new LabelSelector(), null);
        }
        if (set.get(0).equals("namespaces")) {
            return new ClusterPolicy.Subject(selector(node.path("namespaces"), path + ".namespaces"), null);
        }
        JsonNode pods = node.path("pods");
        return new ClusterPolicy.Subject(selector(pods.path("namespaceSelector"), path + ".pods.namespaceSelector"),
                selector(pods.path("podSelector"), path + ".pods.podSelector"));
    }

    /** The fields of an object that are set (YAML null is not set). */
    static List<String> setFields(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) {
                out.add(e.getKey());
            }
        });
        return out;
    }

    /** A label selector; null or absent is {@code {}} (the callers pass only selectors the API stores as values). */
    private LabelSelector selector(JsonNode node, String path) {
        if (node.isMissingNode() || node.isNull()) {
            return new LabelSelector();
        }
        try {
            LabelSelector s = MAPPER.treeToValue(node, LabelSelector.class);
            KubeValidation.validateSelector(s, path, problem);
            return s;
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            problem.accept(path, "not a label selector: " + e.getMessage());
            return new LabelSelector();
        }
    }

    private List<ClusterPolicy.Rule> rules(JsonNode list, String path, boolean ingress, int max) {
        List<ClusterPolicy.Rule> out = new ArrayList<>();
        if (!list.isArray()) {
            return out; // absent or null: no rule (a wrong type is reported by StrictFields)
        }
        if (list.size() > max) {
            problem.accept(path, list.size() + " rules: at most " + max + " are allowed");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode r = list.get(i);
            String at = path + "[" + i + "]";
            if (!r.isObject()) {
                problem.accept(at, "a rule must be a mapping");
                continue;
            }
            String name = r.path("name").asText("");
            if (name.length() > 100) {
                problem.accept(at + ".name", "a rule name has at most 100 characters, this one " + name.length());
            }
            ClusterPolicy.Action action = action(r.path("action"), at + ".action");
            String peersField = ingress ? "from" : "to";
            JsonNode peersNode = r.path(peersField);
            List<ClusterPeer> peers = new ArrayList<>();
            if (!peersNode.isArray()) {
                problem.accept(at + "." + peersField, peersField + " is required (at least one peer)");
            } else {
                if (peersNode.size() > max) {
                    problem.accept(at + "." + peersField, peersNode.size() + " peers: at most " + max + " are allowed");
                }
                for (int j = 0; j < peersNode.size(); j++) {
                    ClusterPeer p = peer(peersNode.get(j), at + "." + peersField + "[" + j + "]", ingress, action);
                    if (p != null) {
                        peers.add(p);
                    }
                }
            }
            String portsField = v1alpha2 ? "protocols" : "ports";
            List<PortMatcher> ports = new ClusterPortsReader(v1alpha2, problem).ports(r.path(portsField), at + "." + portsField);
            out.add(new ClusterPolicy.Rule(name, i, action, peers, ports));
        }
        return out;
    }

    private ClusterPolicy.Action action(JsonNode node, String path) {
        List<String> allowed = v1alpha2 ? List.of("Accept", "Deny", "Pass")
                : kind.equals("AdminNetworkPolicy") ? List.of("Allow", "Deny", "Pass") : List.of("Allow", "Deny");
        String a = node.asText("");
        if (!allowed.contains(a)) {
            problem.accept(path, (a.isEmpty() ? "action is required" : "unknown action '" + a + "'") + " (" + kind + ": "
                    + String.join(", ", allowed) + ")" + (a.isEmpty() ? "" : Suggestions.didYouMean(a, allowed)));
            return ClusterPolicy.Action.DENY;
        }
        return switch (a) {
            case "Allow", "Accept" -> ClusterPolicy.Action.ACCEPT;
            case "Deny" -> ClusterPolicy.Action.DENY;
            default -> ClusterPolicy.Action.PASS;
        };
    }

    private ClusterPeer peer(JsonNode node, String path, boolean ingress, ClusterPolicy.Action action) {
        if (!node.isObject()) {
            problem.accept(path, "a peer must be a mapping with one of " + (ingress ? "namespaces, pods" : "namespaces, pods, nodes, networks, domainNames"));
            return null;
        }
        List<String> set = setFields(node);
        if (set.size() != 1) {
            problem.accept(path, "exactly one field must be set in a peer" + (set.isEmpty() ? "" : ", not " + String.join(" and ", set)));
            return null;
        }
        String field = set.get(0);
        JsonNode value = node.path(field);
        String at = path + "." + field;
        switch (field) {
            case "namespaces":
                return new ClusterPeer.Namespaces(selector(value, at));
            case "pods":
                return new ClusterPeer.Pods(selector(value.path("namespaceSelector"), at + ".namespaceSelector"),
                        selector(value.path("podSelector"), at + ".podSelector"));
            case "nodes":
                return new ClusterPeer.Nodes(selector(value, at));
            case "networks": {
                List<Cidr> cidrs = new ArrayList<>();
                if (!value.isArray() || value.isEmpty() || value.size() > 25) {
                    problem.accept(at, "networks holds 1 to 25 CIDRs");
                    return null;
                }
                for (int i = 0; i < value.size(); i++) {
                    try {
                        cidrs.add(Cidr.parse(value.get(i).asText()));
                    } catch (IllegalArgumentException e) {
                        problem.accept(at + "[" + i + "]", e.getMessage());
                    }
                }
                return new ClusterPeer.Networks(cidrs);
            }
            case "domainNames": {
                if (!value.isArray() || value.isEmpty() || value.size() > 25) {
                    problem.accept(at, "domainNames holds 1 to 25 names");
                    return null;
                }
                List<String> names = new ArrayList<>();
                for (int i = 0; i < value.size(); i++) {
                    String n = value.get(i).asText();
                    if (!DOMAIN.matcher(n).matches()) {
                        problem.accept(at + "[" + i + "]", "'" + n + "' is not a domain name (labels of letters, digits, '-' and '_'; '*.' only as a prefix)");
                    }
                    names.add(n);
                }
                if (v1alpha2 && action != ClusterPolicy.Action.ACCEPT) {
                    problem.accept(at, "domainNames peers are only supported in Accept rules");
                }
                return new ClusterPeer.DomainNames(names);
            }
            default:
                return null; // an unknown field: reported by StrictFields
        }
    }
}
