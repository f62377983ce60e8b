package dev.esnetpol.kube;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The API server's own validation rules for the pieces of Kubernetes objects es-netpol reads from users
 * (label selectors, network policy peers, ports), so that a mistake is caught before anything is
 * applied. Each check reports through {@code problem(path, message)} and goes on, so a user sees every
 * mistake at once.
 */
public final class KubeValidation {

    public static final Set<String> SELECTOR_OPERATORS = Set.of("In", "NotIn", "Exists", "DoesNotExist");
    public static final Set<String> PROTOCOLS = Set.of("TCP", "UDP", "SCTP");

    private static final Pattern NAME_PART = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private KubeValidation() {
    }

    /** Validates a NetworkPolicyPeer as the API server would, plus es-netpol's: a peer must say something. */
    public static void validatePeer(NetworkPolicyPeer peer, String path, BiConsumer<String, String> problem) {
        if (peer == null) {
            problem.accept(path, "a peer must not be null");
            return;
        }
        unknownFields(peer.getAdditionalProperties(), path, "podSelector, namespaceSelector, ipBlock", problem);
        boolean selectors = peer.getPodSelector() != null || peer.getNamespaceSelector() != null;
        if (peer.getIpBlock() != null && selectors) {
            problem.accept(path, "ipBlock cannot be combined with podSelector or namespaceSelector in one peer; use separate peers");
        }
        if (peer.getIpBlock() == null && !selectors) {
            problem.accept(path, "a peer needs podSelector, namespaceSelector or ipBlock");
        }
        if (peer.getPodSelector() != null) {
            validateSelector(peer.getPodSelector(), path + ".podSelector", problem);
        }
        if (peer.getNamespaceSelector() != null) {
            validateSelector(peer.getNamespaceSelector(), path + ".namespaceSelector", problem);
        }
        if (peer.getIpBlock() != null) {
            validateIpBlock(peer.getIpBlock(), path + ".ipBlock", problem);
        }
    }

    public static void validateIpBlock(IPBlock block, String path, BiConsumer<String, String> problem) {
        unknownFields(block.getAdditionalProperties(), path, "cidr, except", problem);
        Cidr cidr = null;
        try {
            cidr = Cidr.parse(block.getCidr());
        } catch (IllegalArgumentException e) {
            problem.accept(path + ".cidr", e.getMessage());
        }
        List<String> except = block.getExcept() == null ? List.of() : block.getExcept();
        for (int i = 0; i < except.size(); i++) {
            try {
                Cidr hole = Cidr.parse(except.get(i));
                if (cidr != null && !(cidr.contains(hole) && hole.prefix() > cidr.prefix())) {
                    problem.accept(path + ".except[" + i + "]", "'" + except.get(i) + "' must be strictly inside cidr " + cidr);
                }
            } catch (IllegalArgumentException e) {
                problem.accept(path + ".except[" + i + "]", e.getMessage());
            }
        }
    }

    public static void validateSelector(LabelSelector selector, String path, BiConsumer<String, String> problem) {
        unknownFields(selector.getAdditionalProperties(), path, "matchLabels, matchExpressions", problem);
        Map<String, String> labels = selector.getMatchLabels();
        if (labels != null) {
            labels.forEach((k, v) -> {
                validateLabelKey(k, path + ".matchLabels", problem);
                validateLabelValue(v, path + ".matchLabels." + k, problem);
            });
        }
        List<LabelSelectorRequirement> expressions = selector.getMatchExpressions();
        if (expressions == null) {
            return;
        }
        for (int i = 0; i < expressions.size(); i++) {
            LabelSelectorRequirement r = expressions.get(i);
            String at = path + ".matchExpressions[" + i + "]";
            unknownFields(r.getAdditionalProperties(), at, "key, operator, values", problem);
            if (r.getKey() == null || r.getKey().isEmpty()) {
                problem.accept(at + ".key", "key is required");
            } else {
                validateLabelKey(r.getKey(), at + ".key", problem);
            }
            String op = r.getOperator();
            List<String> values = r.getValues() == null ? List.of() : r.getValues();
            if (op == null || !SELECTOR_OPERATORS.contains(op)) {
                problem.accept(at + ".operator", Messages.unknownOperator(op));
            } else if ((op.equals("In") || op.equals("NotIn")) && values.isEmpty()) {
                problem.accept(at + ".values", "operator " + op + " needs at least one value");
            } else if ((op.equals("Exists") || op.equals("DoesNotExist")) && !values.isEmpty()) {
                problem.accept(at + ".values", "operator " + op + " takes no values");
            }
            for (int j = 0; j < values.size(); j++) {
                validateLabelValue(values.get(j), at + ".values[" + j + "]", problem);
            }
        }
    }

    public static void validateLabelKey(String key, String path, BiConsumer<String, String> problem) {
        String name = key;
        int slash = key.indexOf('/');
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            name = key.substring(slash + 1);
            if (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
                problem.accept(path, "label key '" + key + "' has an invalid prefix (must be a DNS subdomain)");
                return;
            }
        }
        if (name.isEmpty() || name.length() > 63 || !NAME_PART.matcher(name).matches()) {
            problem.accept(path, Messages.invalidLabelKey(key));
        }
    }

    public static void validateLabelValue(String value, String path, BiConsumer<String, String> problem) {
        if (value == null) {
            problem.accept(path, "label value must not be null");
        } else if (!value.isEmpty() && (value.length() > 63 || !NAME_PART.matcher(value).matches())) {
            problem.accept(path, Messages.invalidLabelValue(value));
        }
    }

    /**
     * fabric8's model keeps fields it does not know in {@code additionalProperties}; in a selector or a
     * peer such a field is a typo ({@code podSelecter}) that would silently widen the rule, so it is an error.
     */
    private static void unknownFields(Map<String, Object> extra, String path, String known, BiConsumer<String, String> problem) {
        if (extra != null) {
            extra.keySet().stream().sorted().forEach(k ->
                    problem.accept(path + "." + k, "unknown field '" + k + "' (expected " + known + ")"));
        }
    }

    public static boolean isDnsLabel(String name) {
        return name != null && name.length() <= 63 && DNS_LABEL.matcher(name).matches();
    }

    public static boolean isDnsSubdomain(String name) {
        return name != null && name.length() <= 253 && DNS_SUBDOMAIN.matcher(name).matches();
    }

    /**
     * A container port name as the API server accepts it (an IANA_SVC_NAME, apimachinery's
     * {@code validation.IsValidPortName}): 1-15 lower-case letters, digits and '-', at least one letter, no '-'
     * at either end and no two in a row.
     */
    public static boolean isPortName(String name) {
        return name != null && !name.isEmpty() && name.length() <= 15 && name.matches("[a-z0-9]+(-[a-z0-9]+)*")
                && name.chars().anyMatch(c -> c >= 'a' && c <= 'z');
    }
}
