package dev.esnetpol.generate;

import dev.esnetpol.catalogue.Labels;
import dev.esnetpol.model.EventStreamsResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Writes one pod group's NetworkPolicy from its flows: one rule per set of ports that admit the same
 * peers, ports in ascending order, so that the YAML reads like the spec's table and re-renders diff cleanly.
 */
final class PolicyRenderer {

    private PolicyRenderer() {
    }

    /** A port of a rule; {@code port == null} is every port of the protocol. */
    private record PortKey(Integer port, String protocol) {
        static final Comparator<PortKey> ORDER = Comparator
                .comparing((PortKey k) -> k.port == null ? -1 : k.port)
                .thenComparing(PortKey::protocol);
    }

    /**
     * Who a set of ports admits: anywhere (no peers), or these peers. Absent lists are written as empty
     * lists, the form fabric8 reads back from the API server, so that a desired policy equals the
     * installed one when nothing changed (the operator compares them).
     */
    private record Admitted(boolean anywhere, Set<NetworkPolicyPeer> peers) {
    }

    static NetworkPolicy render(InstallationFacts facts, PodGroup group, List<Flow> flows, GeneratorOptions options) {
        Endpoint self = new Endpoint.Pods(group);
        Map<Admitted, List<PortKey>> ingress = rules(flows, f -> f.ingress() && f.to().equals(self), Flow::from, options);
        Map<Admitted, List<PortKey>> egress = rules(flows, f -> f.egress() && f.from().equals(self), Flow::to, options);

        List<NetworkPolicyIngressRule> ingressRules = new ArrayList<>();
        ingress.forEach((admitted, ports) -> ingressRules.add(new NetworkPolicyIngressRuleBuilder()
                .withPorts(ports(ports))
                .withFrom(new ArrayList<>(admitted.peers()))
                .build()));
        List<NetworkPolicyEgressRule> egressRules = new ArrayList<>();
        egress.forEach((admitted, ports) -> egressRules.add(new NetworkPolicyEgressRuleBuilder()
                .withPorts(ports(ports))
                .withTo(new ArrayList<>(admitted.peers()))
                .build()));

        String namespace = facts.installation().namespace();
        return new NetworkPolicyBuilder()
                .withNewMetadata()
                    .withName(group.policyName())
                    .withNamespace(namespace.isEmpty() ? null : namespace)
                    .withLabels(labels(facts, group))
                    .withAnnotations(annotations(facts, group, options))
                    .withOwnerReferences(ownerReference(facts.owner(group)))
                .endMetadata()
                .withNewSpec()
                    .withNewPodSelector().withMatchLabels(new TreeMap<>(group.selector())).endPodSelector()
                    .withPolicyTypes(options.egress() ? List.of("Ingress", "Egress") : List.of("Ingress"))
                    .withIngress(ingressRules)
                    .withEgress(options.egress() ? egressRules : new ArrayList<>())
                .endSpec()
                .build();
    }

    /**
     * Groups the flows of one direction by port, then the ports by who they admit, so that ports open to
     * the same peers share one rule. Anywhere on a port makes its peers moot.
     */
    private static Map<Admitted, List<PortKey>> rules(List<Flow> flows, Predicate<Flow> direction,
                                                      Function<Flow, Endpoint> peerSide, GeneratorOptions options) {
        Map<PortKey, Boolean> anywhere = new TreeMap<>(PortKey.ORDER);
        Map<PortKey, Set<NetworkPolicyPeer>> peers = new TreeMap<>(PortKey.ORDER);
        for (Flow f : flows) {
            if (!direction.test(f)) {
                continue;
            }
            PortKey key = new PortKey(f.port(), f.protocol());
            List<NetworkPolicyPeer> p = Peers.of(peerSide.apply(f), options);
            peers.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(p);
            anywhere.merge(key, p.isEmpty(), Boolean::logicalOr);
        }
        Map<Admitted, List<PortKey>> rules = new LinkedHashMap<>();
        peers.forEach((key, set) -> {
            Admitted admitted = anywhere.get(key) ? new Admitted(true, Set.of()) : new Admitted(false, set);
            rules.computeIfAbsent(admitted, a -> new ArrayList<>()).add(key);
        });
        // Within one rule, "every port of TCP" makes "53/TCP" moot: keep the rule as short as its meaning.
        rules.values().forEach(keys -> keys.removeIf(k -> k.port() != null && keys.contains(new PortKey(null, k.protocol()))));
        return rules;
    }

    private static List<NetworkPolicyPort> ports(List<PortKey> keys) {
        return keys.stream()
                .map(k -> new NetworkPolicyPortBuilder()
                        .withProtocol(k.protocol())
                        .withPort(k.port() == null ? null : new IntOrString(k.port()))
                        .build())
                .toList();
    }

    private static Map<String, String> labels(InstallationFacts facts, PodGroup group) {
        Map<String, String> labels = new TreeMap<>();
        labels.put(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE);
        labels.put(Labels.INSTANCE, group.owner());
        labels.put(Labels.COMPONENT, group.component().appName());
        labels.put(Labels.CLUSTER, facts.instanceName());
        return labels;
    }

    /**
     * Which documented table set and which platform the policy was written for, and why (docs/generator.md); and the
     * options it was rendered with when they are not the defaults ({@link RecordedOptions}), so that review can reproduce it.
     */
    private static Map<String, String> annotations(InstallationFacts facts, PodGroup group, GeneratorOptions options) {
        // Kafka Connect and the geo-replicator have the same rows in every set: their policy says so, whatever
        // instance is (or is not) rendered with them, so that it does not depend on the other inputs.
        TableChoice tables = group.component().hasOwnResource() ? TableChoice.EVERY_SET : facts.tables();
        Map<String, String> annotations = new TreeMap<>();
        annotations.put(Labels.TABLE_SET_ANNOTATION, tables.id());
        annotations.put(Labels.TABLE_SET_REASON_ANNOTATION, tables.reason());
        PlatformChoice platform = facts.platform(group);
        annotations.put(dev.esnetpol.catalogue.Platform.ANNOTATION, platform.platform().id());
        annotations.put(dev.esnetpol.catalogue.Platform.REASON_ANNOTATION, platform.reason());
        RecordedOptions.annotation(options).ifPresent(o -> annotations.put(RecordedOptions.ANNOTATION, o));
        return annotations;
    }

    /** A controller reference to the owner, only if its uid came from a cluster ({@link ClusterUid}). */
    private static List<OwnerReference> ownerReference(EventStreamsResource owner) {
        if (owner == null || ClusterUid.of(owner).isEmpty()) {
            return new ArrayList<>();
        }
        return List.of(new OwnerReferenceBuilder()
                .withApiVersion(owner.getApiVersion())
                .withKind(owner.getKind())
                .withName(owner.getMetadata().getName())
                .withUid(owner.getMetadata().getUid())
                .withController(true)
                .build());
    }
}
