package dev.esnetpol.bench;

import dev.esnetpol.analyze.ClusterPeer;
import dev.esnetpol.analyze.ClusterPolicy;
import dev.esnetpol.analyze.PortMatcher;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.LabelSelector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link ClusterPolicy} as the object an administrator writes: {@code policy.networking.k8s.io/v1alpha1}
 * AdminNetworkPolicy / BaselineAdminNetworkPolicy (actions Allow/Deny/Pass, {@code ports}) or {@code v1alpha2}
 * ClusterNetworkPolicy ({@code spec.tier}, actions Accept/Deny/Pass, {@code protocols}), as fabric8's generic
 * resource (fabric8 has no model for these kinds). Fields as network-policy-api's {@code apis/v1alpha1} and
 * {@code apis/v1alpha2} types name them; what {@code ClusterPolicyReader} reads back into the same policy.
 */
final class ClusterPolicyYaml {

    private ClusterPolicyYaml() {
    }

    static GenericKubernetesResource of(ClusterPolicy p) {
        boolean v1alpha2 = p.kind().equals("ClusterNetworkPolicy");
        Map<String, Object> spec = new LinkedHashMap<>();
        if (v1alpha2) {
            spec.put("tier", p.tier().toString());
        }
        if (!p.kind().equals("BaselineAdminNetworkPolicy")) {
            spec.put("priority", p.priority());
        }
        spec.put("subject", p.subject().pods() == null ? Map.of("namespaces", p.subject().namespaces())
                : Map.of("pods", pods(p.subject().namespaces(), p.subject().pods())));
        if (!p.ingress().isEmpty()) {
            spec.put("ingress", rules(p.ingress(), "from", v1alpha2));
        }
        if (!p.egress().isEmpty()) {
            spec.put("egress", rules(p.egress(), "to", v1alpha2));
        }
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("policy.networking.k8s.io/" + (v1alpha2 ? "v1alpha2" : "v1alpha1")).withKind(p.kind())
                .withNewMetadata().withName(p.name()).endMetadata()
                .withAdditionalProperties(Map.of("spec", spec)).build();
    }

    private static List<Map<String, Object>> rules(List<ClusterPolicy.Rule> rules, String peersField, boolean v1alpha2) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ClusterPolicy.Rule r : rules) {
            Map<String, Object> rule = new LinkedHashMap<>();
            if (!r.name().isEmpty()) {
                rule.put("name", r.name());
            }
            rule.put("action", switch (r.action()) {
                case ACCEPT -> v1alpha2 ? "Accept" : "Allow";
                case DENY -> "Deny";
                case PASS -> "Pass";
            });
            rule.put(peersField, r.peers().stream().map(ClusterPolicyYaml::peer).toList());
            if (!r.ports().isEmpty()) {
                rule.put(v1alpha2 ? "protocols" : "ports", r.ports().stream().map(m -> port(m, v1alpha2)).toList());
            }
            out.add(rule);
        }
        return out;
    }

    private static Map<String, Object> peer(ClusterPeer peer) {
        if (peer instanceof ClusterPeer.Namespaces n) {
            return Map.of("namespaces", n.selector());
        } else if (peer instanceof ClusterPeer.Pods p) {
            return Map.of("pods", pods(p.namespaces(), p.pods()));
        } else if (peer instanceof ClusterPeer.Nodes n) {
            return Map.of("nodes", n.selector());
        } else if (peer instanceof ClusterPeer.Networks n) {
            return Map.of("networks", n.cidrs().stream().map(Object::toString).toList());
        }
        return Map.of("domainNames", ((ClusterPeer.DomainNames) peer).names());
    }

    private static Map<String, Object> pods(LabelSelector namespaces, LabelSelector pods) {
        return Map.of("namespaceSelector", namespaces, "podSelector", pods);
    }

    private static Map<String, Object> port(PortMatcher m, boolean v1alpha2) {
        if (m.name() != null) {
            return Map.of(v1alpha2 ? "destinationNamedPort" : "namedPort", m.name());
        }
        boolean single = m.first().equals(m.last());
        if (v1alpha2) {
            Map<String, Object> destination = single ? Map.of("number", m.first()) : Map.of("range", Map.of("start", m.first(), "end", m.last()));
            return Map.of(m.protocol().toLowerCase(Locale.ROOT), Map.of("destinationPort", destination));
        }
        return single ? Map.of("portNumber", Map.of("protocol", m.protocol(), "port", m.first()))
                : Map.of("portRange", Map.of("protocol", m.protocol(), "start", m.first(), "end", m.last()));
    }
}
