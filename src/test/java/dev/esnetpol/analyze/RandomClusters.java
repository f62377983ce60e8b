package dev.esnetpol.analyze;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Small random clusters from a small vocabulary (so that selectors often match): 2-3 namespaces, up to
 * 8 pods, up to 5 policies with every kind of peer, port, policy type and selector operator.
 */
final class RandomClusters {

    static final List<String> NAMESPACES = List.of("n1", "n2", "n3");
    static final List<String> KEYS = List.of("app", "tier");
    static final List<String> VALUES = List.of("a", "b", "c");
    /** Outside addresses, pod addresses (10.0.0.1, 10.1.0.2, 192.168.1.3 when a pod drew them) and a node's (10.0.0.200). */
    static final List<String> PROBE_IPS = List.of("10.0.0.1", "10.1.2.3", "10.1.0.2", "192.168.1.1", "192.168.1.3", "8.8.8.8", "10.0.0.200");
    /** Subnets a pod's address is drawn from: inside, outside and in the {@code except} of the ipBlocks below. */
    static final List<String> POD_SUBNETS = List.of("10.0.0.", "10.1.0.", "192.168.1.", "172.16.0.");
    static final List<Integer> PROBE_PORTS = List.of(53, 80, 81, 443, 8080);

    private RandomClusters() {
    }

    static Arbitrary<Map<String, String>> labels() {
        return Arbitraries.maps(Arbitraries.of(KEYS), Arbitraries.of(VALUES)).ofMaxSize(2);
    }

    static Arbitrary<Pod> pods(int index) {
        Arbitrary<List<NamedPort>> ports = Arbitraries.of(
                List.<NamedPort>of(), List.of(new NamedPort("http", 80, "TCP")), List.of(new NamedPort("http", 8080, "TCP"), new NamedPort("dns", 53, "UDP")));
        // Mostly running pods with an address; some host-network ones on one of two nodes, some finished, some
        // manifests without status (no address, taken as running).
        Arbitrary<String> kind = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(6, "running"), net.jqwik.api.Tuple.of(1, "host"), net.jqwik.api.Tuple.of(1, "finished"),
                net.jqwik.api.Tuple.of(1, "manifest"), net.jqwik.api.Tuple.of(1, "pending"));
        return Combinators.combine(Arbitraries.of(NAMESPACES), labels(), ports, Arbitraries.of(POD_SUBNETS), kind, Arbitraries.of("10.0.0.200", "192.168.1.200"))
                .as((ns, l, p, subnet, k, node) -> switch (k) {
                    case "host" -> new Pod(ns, "pod" + index, l, List.of(node), p, true, null, node, "Running");
                    case "finished" -> new Pod(ns, "pod" + index, l, List.of(subnet + index), p, false, null, node, "Succeeded");
                    case "manifest" -> new Pod(ns, "pod" + index, l, List.of(), p, false, null);
                    case "pending" -> new Pod(ns, "pod" + index, l, List.of(), p, false, null, null, "Pending");
                    default -> new Pod(ns, "pod" + index, l, List.of(subnet + index), p, false, null, node, "Running");
                });
    }

    static Arbitrary<LabelSelector> selectors() {
        Arbitrary<LabelSelector> byLabels = labels().map(l -> new LabelSelectorBuilder().withMatchLabels(l).build());
        Arbitrary<LabelSelector> byExpression = Combinators.combine(Arbitraries.of(KEYS), Arbitraries.of("In", "NotIn", "Exists", "DoesNotExist"),
                Arbitraries.subsetOf(VALUES).ofMinSize(1)).as((k, op, vs) -> new LabelSelectorBuilder().addNewMatchExpression()
                .withKey(k).withOperator(op).withValues(op.equals("In") || op.equals("NotIn") ? new ArrayList<>(vs) : null)
                .endMatchExpression().build());
        return Arbitraries.oneOf(byLabels, byExpression);
    }

    static Arbitrary<NetworkPolicyPeer> peers() {
        Arbitrary<NetworkPolicyPeer> pod = selectors().map(s -> new NetworkPolicyPeerBuilder().withPodSelector(s).build());
        Arbitrary<NetworkPolicyPeer> ns = selectors().map(s -> new NetworkPolicyPeerBuilder().withNamespaceSelector(s).build());
        Arbitrary<NetworkPolicyPeer> both = Combinators.combine(selectors(), selectors())
                .as((p, n) -> new NetworkPolicyPeerBuilder().withPodSelector(p).withNamespaceSelector(n).build());
        // Prefix lengths 0 to 32, one with host bits set (Kubernetes reads 192.168.1.9/24 as 192.168.1.0/24).
        Arbitrary<NetworkPolicyPeer> ip = Arbitraries.of("10.0.0.0/8", "192.168.0.0/16", "0.0.0.0/0", "192.168.1.9/24", "10.0.0.1/32").map(c ->
                new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr(c).withExcept(c.equals("10.0.0.0/8") ? List.of("10.1.0.0/16") : null).endIpBlock().build());
        return Arbitraries.oneOf(pod, ns, both, ip);
    }

    static Arbitrary<NetworkPolicyPort> ports() {
        return Arbitraries.oneOf(
                Arbitraries.of(53, 80, 443).map(p -> new NetworkPolicyPortBuilder().withPort(new IntOrString(p)).build()),
                Arbitraries.of("TCP", "UDP").map(p -> new NetworkPolicyPortBuilder().withProtocol(p).build()),
                Arbitraries.just(new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(80)).withEndPort(443).build()),
                Arbitraries.of("http", "dns").map(n -> new NetworkPolicyPortBuilder().withPort(new IntOrString(n))
                        .withProtocol(n.equals("dns") ? "UDP" : null).build()));
    }

    static Arbitrary<NetworkPolicy> policies(int index) {
        Arbitrary<List<NetworkPolicyPeer>> peerLists = peers().list().ofMaxSize(2);
        Arbitrary<List<NetworkPolicyPort>> portLists = ports().list().ofMaxSize(2);
        Arbitrary<List<List<Object>>> rules = Combinators.combine(peerLists, portLists).as((p, q) -> List.<Object>of(p, q)).list().ofMaxSize(2);
        Arbitrary<List<String>> types = Arbitraries.of(List.of(), List.of("Ingress"), List.of("Egress"), List.of("Ingress", "Egress"));
        return Combinators.combine(Arbitraries.of(NAMESPACES), selectors(), types, rules, rules).as((ns, sel, t, in, out) -> {
            NetworkPolicyBuilder b = new NetworkPolicyBuilder().withNewMetadata().withName("np" + index).withNamespace(ns).endMetadata()
                    .withNewSpec().withPodSelector(sel).withPolicyTypes(t.isEmpty() ? null : t).endSpec();
            for (List<Object> r : in) {
                b.editSpec().addToIngress(new NetworkPolicyIngressRuleBuilder().withFrom(cast(r.get(0))).withPorts(cast(r.get(1))).build()).endSpec();
            }
            for (List<Object> r : out) {
                b.editSpec().addToEgress(new NetworkPolicyEgressRuleBuilder().withTo(cast(r.get(0))).withPorts(cast(r.get(1))).build()).endSpec();
            }
            return b.build();
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(Object o) {
        return new ArrayList<>((List<T>) o);
    }

    static Arbitrary<Cluster> clusters() {
        Arbitrary<List<Pod>> pods = Arbitraries.integers().between(2, 8).flatMap(n -> Combinators.combine(
                java.util.stream.IntStream.range(0, n).mapToObj(RandomClusters::pods).toList()).as(l -> l));
        Arbitrary<List<NetworkPolicy>> policies = Arbitraries.integers().between(0, 5).flatMap(n -> n == 0 ? Arbitraries.just(List.<NetworkPolicy>of())
                : Combinators.combine(java.util.stream.IntStream.range(0, n).mapToObj(RandomClusters::policies).toList()).as(l -> l));
        Arbitrary<List<Namespace>> namespaces = labels().list().ofSize(NAMESPACES.size()).map(ls -> {
            List<Namespace> out = new ArrayList<>();
            for (int i = 0; i < NAMESPACES.size(); i++) {
                out.add(new Namespace(NAMESPACES.get(i), ls.get(i)));
            }
            return out;
        });
        return Combinators.combine(namespaces, pods, policies).as(Cluster::of);
    }

    /** The two nodes host-network pods run on (their addresses are the pods' status.hostIP), with random labels. */
    static Arbitrary<List<HostNode>> nodes() {
        return labels().list().ofSize(2).map(ls -> List.of(new HostNode("node1", ls.get(0), List.of("10.0.0.200")),
                new HostNode("node2", ls.get(1), List.of("192.168.1.200"))));
    }

    static Arbitrary<ClusterPeer> clusterPeers() {
        return Arbitraries.oneOf(
                selectors().map(ClusterPeer.Namespaces::new),
                Combinators.combine(selectors(), selectors()).as(ClusterPeer.Pods::new),
                selectors().map(ClusterPeer.Nodes::new),
                Arbitraries.of("10.0.0.0/8", "192.168.1.0/24", "0.0.0.0/0", "10.0.0.1/32", "10.0.0.200/32")
                        .map(c -> new ClusterPeer.Networks(List.of(dev.esnetpol.kube.Cidr.parse(c)))));
    }

    static Arbitrary<PortMatcher> clusterPorts() {
        return Arbitraries.oneOf(
                Arbitraries.of(53, 80, 443).map(p -> new PortMatcher("TCP", p, p, null)),
                Arbitraries.just(new PortMatcher("UDP", 53, 53, null)),
                Arbitraries.just(new PortMatcher("TCP", 80, 443, null)),
                Arbitraries.of("http", "dns").map(n -> new PortMatcher(null, null, null, n)));
    }

    /**
     * A cluster-scoped policy of any of the three kinds and both tiers, priorities 1-3 (so some are equal), an
     * empty peer list now and then (read by {@link TierChoices#emptyPeers()}).
     */
    static Arbitrary<ClusterPolicy> clusterPolicies(int index) {
        Arbitrary<ClusterPolicy.Subject> subjects = Arbitraries.oneOf(selectors().map(s -> new ClusterPolicy.Subject(s, null)),
                Combinators.combine(selectors(), selectors()).as(ClusterPolicy.Subject::new));
        Arbitrary<List<Object>> rules = Combinators.combine(Arbitraries.of(ClusterPolicy.Action.values()), clusterPeers().list().ofMaxSize(2),
                clusterPorts().list().ofMaxSize(2)).as((a, p, q) -> List.<Object>of(a, p, q)).list().ofMaxSize(2).map(l -> new ArrayList<Object>(l));
        Arbitrary<String> kinds = Arbitraries.of("AdminNetworkPolicy", "BaselineAdminNetworkPolicy", "ClusterNetworkPolicy:Admin", "ClusterNetworkPolicy:Baseline");
        return Combinators.combine(kinds, Arbitraries.integers().between(1, 3), subjects, rules, rules).as((k, priority, subject, in, out) -> {
            String kind = k.split(":")[0];
            ClusterPolicy.Tier tier = k.equals("BaselineAdminNetworkPolicy") || k.endsWith(":Baseline") ? ClusterPolicy.Tier.BASELINE : ClusterPolicy.Tier.ADMIN;
            boolean banp = kind.equals("BaselineAdminNetworkPolicy");
            return new ClusterPolicy(kind, banp ? "default" : "cp" + index, tier, banp ? 0 : priority, subject,
                    clusterRules(in, banp), clusterRules(out, banp));
        });
    }

    @SuppressWarnings("unchecked")
    private static List<ClusterPolicy.Rule> clusterRules(List<Object> rules, boolean baseline) {
        List<ClusterPolicy.Rule> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            List<Object> r = (List<Object>) rules.get(i);
            ClusterPolicy.Action a = (ClusterPolicy.Action) r.get(0);
            out.add(new ClusterPolicy.Rule("r" + i, i, baseline && a == ClusterPolicy.Action.PASS ? ClusterPolicy.Action.DENY : a,
                    (List<ClusterPeer>) r.get(1), (List<PortMatcher>) r.get(2)));
        }
        return out;
    }

    /** {@link #clusters()} with Nodes and up to three cluster-scoped policies (at most one BaselineAdminNetworkPolicy). */
    static Arbitrary<Cluster> clustersWithTiers() {
        Arbitrary<List<ClusterPolicy>> tiers = Arbitraries.integers().between(1, 3).flatMap(n -> Combinators.combine(
                java.util.stream.IntStream.range(0, n).mapToObj(RandomClusters::clusterPolicies).toList()).as(l -> l))
                .map(l -> {
                    List<ClusterPolicy> one = new ArrayList<>();
                    boolean baseline = false;
                    for (ClusterPolicy p : l) {
                        if (!p.kind().equals("BaselineAdminNetworkPolicy") || !baseline) {
                            one.add(p);
                            baseline |= p.kind().equals("BaselineAdminNetworkPolicy");
                        }
                    }
                    return one;
                });
        return Combinators.combine(clusters(), tiers, nodes()).as((c, t, n) -> new Cluster(c.namespaces(), c.pods(), c.policies(), t, n));
    }
}
