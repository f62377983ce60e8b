package dev.esnetpol.verify;

import dev.esnetpol.analyze.Namespace;
import dev.esnetpol.analyze.Node;
import dev.esnetpol.analyze.PeerMatcher;
import dev.esnetpol.catalogue.Component;
import dev.esnetpol.catalogue.Labels;
import dev.esnetpol.catalogue.Origin;
import dev.esnetpol.generate.Endpoint;
import dev.esnetpol.kube.Cidr;
import dev.esnetpol.model.Installation;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What each endpoint of a flow means in the synthetic cluster, in one exhaustive dispatch per kind
 * ({@link Endpoint.Visitor}): the ends that stand for it when a flow is checked open, and the nodes it
 * covers when least privilege asks whether a connection is documented. Computed once per installation and
 * endpoint (and, where the answer is the same for every installation, once).
 */
final class EndpointStands {

    /**
     * @param ends   the concrete ends a flow is checked from (to)
     * @param covers indices (in {@link SyntheticCluster#everyone()}) of the nodes the endpoint stands for
     * @param all    whether it stands for every node (then {@code covers} has every bit set)
     */
    record Stand(List<End> ends, BitSet covers, boolean all) {
    }

    private final SyntheticCluster cluster;
    private final BitSet everyNode = new BitSet();
    private final Map<List<Object>, Stand> stands = new HashMap<>();
    private final Map<List<Object>, BitSet> coverage = new HashMap<>();
    private Map<List<String>, BitSet> byInstance;

    EndpointStands(SyntheticCluster cluster) {
        this.cluster = cluster;
        everyNode.set(0, cluster.everyone().size());
    }

    Stand of(Installation i, Endpoint e) {
        return stands.computeIfAbsent(List.of(i.namespace(), i.name(), e), k -> e.accept(new Resolve(i)));
    }

    /** The nodes that satisfy a test, computed once per key (the same for every installation that asks). */
    private BitSet covering(List<Object> key, Predicate<End> test) {
        return coverage.computeIfAbsent(key, k -> {
            BitSet b = new BitSet();
            List<End> everyone = cluster.everyone();
            for (int n = 0; n < everyone.size(); n++) {
                if (test.test(everyone.get(n))) {
                    b.set(n);
                }
            }
            return b;
        });
    }

    /** The pods of each (namespace, instance label), indexed in one pass: instances ask for theirs one by one. */
    private Map<List<String>, BitSet> byInstance() {
        if (byInstance == null) {
            byInstance = new HashMap<>();
            List<End> everyone = cluster.everyone();
            for (int n = 0; n < everyone.size(); n++) {
                if (everyone.get(n).node() instanceof Node.PodNode pn && pn.pod().labels().get(Labels.INSTANCE) != null) {
                    byInstance.computeIfAbsent(List.of(pn.pod().namespace(), pn.pod().labels().get(Labels.INSTANCE)), k -> new BitSet()).set(n);
                }
            }
        }
        return byInstance;
    }

    private Stand everyone(List<End> ends) {
        return new Stand(ends, everyNode, true);
    }

    private static boolean inBlock(Node n, String cidr) {
        return n instanceof Node.ExternalNode a && Cidr.parse(cidr).contains(a.address(), a.ipv6());
    }

    /** One installation's reading of each kind of endpoint. */
    private final class Resolve implements Endpoint.Visitor<Stand> {
        private final Installation i;

        Resolve(Installation i) {
            this.i = i;
        }

        @Override
        public Stand pods(Endpoint.Pods p) {
            End first = cluster.components(i).get(p.group());
            if (first == null) {
                return new Stand(List.of(), new BitSet(), false);
            }
            BitSet b = new BitSet();
            cluster.replicas(i, p.group()).forEach(r -> b.set(cluster.indexOf(r.node())));
            return new Stand(List.of(first), b, false);
        }

        @Override
        public Stand instancePods(Endpoint.InstancePods ip) {
            // The instance's own components: a geo-replicator named like its instance carries the instance label
            // too, and the policy admits it, but the spec does not count it among the instance's pods.
            List<End> ends = cluster.components(i).entrySet().stream()
                    .filter(g -> new Origin.AnyInstancePod().admitsInstancePod(g.getKey().component()))
                    .filter(g -> ip.instance().equals(g.getKey().selector().get(Labels.INSTANCE)))
                    .map(Map.Entry::getValue).toList();
            return new Stand(ends, byInstance().getOrDefault(List.of(i.namespace(), ip.instance()), new BitSet()), false);
        }

        @Override
        public Stand instanceComponent(Endpoint.InstanceComponent c) {
            return labelled(c);
        }

        @Override
        public Stand componentPods(Endpoint.ComponentPods c) {
            return labelled(c);
        }

        /**
         * Pods named by labels (another resource's component): those of the cluster that carry them, synthesized
         * or real. None means the other resource is not among the inputs, and there is nothing to check.
         */
        private Stand labelled(Endpoint e) {
            List<NetworkPolicyPeer> peers = dev.esnetpol.generate.Peers.of(e, cluster.options());
            BitSet covers = covering(List.of("labelled", i.namespace(), peers),
                    end -> peers.stream().anyMatch(peer -> PeerMatcher.matches(peer, i.namespace(), end.node(), cluster.cluster())));
            List<End> ends = covers.stream().mapToObj(n -> cluster.everyone().get(n))
                    .filter(end -> end.role() instanceof Role.Component).toList();
            return new Stand(ends, covers, false);
        }

        @Override
        public Stand clusterOperator(Endpoint.ClusterOperator operator) {
            // The real operator pods when the cluster has them (their namespace's policies apply to them), else the stand-in.
            List<End> ends = cluster.realOperators().isEmpty() ? List.of(cluster.standIns(i).operator()) : cluster.realOperators();
            Map<String, String> wanted = cluster.options().operatorNamespaceLabels();
            return new Stand(ends, covering(List.of("operator"), e -> {
                if (!(e.node() instanceof Node.PodNode pn) || !Component.CLUSTER_OPERATOR.appName().equals(pn.pod().labels().get(Labels.NAME))) {
                    return false;
                }
                Namespace ns = cluster.cluster().namespace(pn.pod().namespace());
                return ns.labels().entrySet().containsAll(wanted.entrySet());
            }), false);
        }

        @Override
        public Stand anywhere(Endpoint.Anywhere anywhere) {
            return everyone(cluster.standIns(i).anywhere());
        }

        @Override
        public Stand givenPeers(Endpoint.GivenPeers l) {
            List<NetworkPolicyPeer> peers = l.peers();
            return new Stand(cluster.givenPeers(i, l.name()), covering(List.of("peers", i.namespace(), peers),
                    e -> peers.stream().anyMatch(peer -> PeerMatcher.matches(peer, i.namespace(), e.node(), cluster.cluster()))), false);
        }

        @Override
        public Stand external(Endpoint.External x) {
            List<End> ends = PeerStandIns.of(List.of(new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr(x.cidr()).endIpBlock().build()),
                    i.namespace(), "external", n -> new Role.ExternalTarget(x.cidr())).stream().map(PeerStandIns.StandIn::end).toList();
            return new Stand(ends, covering(List.of("block", x.cidr()), e -> inBlock(e.node(), x.cidr())), false);
        }

        @Override
        public Stand dns(Endpoint.Dns dns) {
            // Reached by port alone: every destination counts as the DNS.
            return everyone(List.of(cluster.standIns(i).dns()));
        }

        @Override
        public Stand apiServer(Endpoint.ApiServer apiServer) {
            List<String> blocks = cluster.options().apiServerCidrs();
            if (blocks.isEmpty()) {
                // Not configured: an address outside the cluster, and the flow is let out to anywhere.
                return everyone(List.of(new End(cluster.standIns(i).outside().node(), new Role.ApiServer(""))));
            }
            List<End> ends = blocks.stream().map(c -> new End(new Node.ExternalNode(Cidr.parse(c).first(), Cidr.parse(c).ipv6()),
                    new Role.ApiServer(c))).toList();
            return new Stand(ends, covering(List.of("api-server"), e -> blocks.stream().anyMatch(c -> inBlock(e.node(), c))), false);
        }
    }
}
