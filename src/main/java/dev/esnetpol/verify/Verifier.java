package dev.esnetpol.verify;

import dev.esnetpol.analyze.Analyzer;
import dev.esnetpol.analyze.Cluster;
import dev.esnetpol.analyze.Connections;
import dev.esnetpol.analyze.Explanation;
import dev.esnetpol.analyze.Namespace;
import dev.esnetpol.analyze.Node;
import dev.esnetpol.analyze.PeerMatcher;
import dev.esnetpol.analyze.Pod;
import dev.esnetpol.analyze.PortSet;
import dev.esnetpol.catalogue.Component;
import dev.esnetpol.catalogue.Labels;
import dev.esnetpol.catalogue.Origin;
import dev.esnetpol.generate.Endpoint;
import dev.esnetpol.generate.Flow;
import dev.esnetpol.generate.GeneratorOptions;
import dev.esnetpol.generate.PodGroup;
import dev.esnetpol.generate.PolicyGenerator;
import dev.esnetpol.kube.Cidr;
import dev.esnetpol.model.Installation;
import dev.esnetpol.model.Installations;
import dev.esnetpol.model.EventStreamsResource;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Proves a set of policies against the catalogue for the installations of the given resources: (a) every
 * flow the generator derives from the catalogue is allowed end to end, between the pods the installation
 * will run and stand-ins for everyone else; (b) least privilege: for each of the installation's pods, what
 * its ingress side admits and its egress side lets out is no more than those flows.
 */
public final class Verifier {

    private final GeneratorOptions options;
    private final PolicyGenerator generator;

    public Verifier(GeneratorOptions options) {
        this.options = options;
        this.generator = new PolicyGenerator(options);
    }

    /**
     * @param installed the policies in force; empty means "as es-netpol renders them"
     * @param foreign   policies of others in force as well (a namespace's default-deny, say)
     */
    public VerifyReport verify(List<EventStreamsResource> resources, String namespaceOverride,
                               Optional<List<NetworkPolicy>> installed, List<NetworkPolicy> foreign) {
        return verify(resources, namespaceOverride, installed, foreign, Cluster.of(List.of(), List.of(), List.of()));
    }

    /**
     * @param context namespaces (with their real labels) and other pods of the cluster, checked for least
     *                privilege like the stand-ins (review passes what it read from the cluster)
     */
    public VerifyReport verify(List<EventStreamsResource> resources, String namespaceOverride,
                               Optional<List<NetworkPolicy>> installed, List<NetworkPolicy> foreign, Cluster context) {
        List<Installation> installations = Installations.group(resources, namespaceOverride);
        List<NetworkPolicy> policies = new ArrayList<>(installed.orElseGet(() -> generator.generate(resources, namespaceOverride)));
        policies.addAll(foreign);
        return new Run(installations, policies, context).check();
    }

    /** One verification: the synthesized cluster and the checks over it. */
    private final class Run {
        private final List<Installation> installations;
        private final Map<Installation, Map<PodGroup, Pod>> pods = new LinkedHashMap<>();
        private final Map<String, Probes> probes = new LinkedHashMap<>();
        private final Map<String, List<PeerWitnesses.Witness>> witnesses = new LinkedHashMap<>();
        private final Analyzer analyzer;
        private final List<Node> everyone = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();
        private final List<VerifyReport.CheckedFlow> checks = new ArrayList<>();
        private final List<Pod> realOperators;
        private final Map<Pod, Pod> twins = new LinkedHashMap<>();

        Run(List<Installation> installations, List<NetworkPolicy> policies, Cluster context) {
            this.installations = installations;
            this.realOperators = context.pods().stream()
                    .filter(p -> Component.CLUSTER_OPERATOR.appName().equals(p.labels().get(Labels.NAME))).toList();
            // Real namespaces first: their labels are the truth the stand-ins must not override.
            List<Namespace> namespaces = new ArrayList<>(context.namespaces().values());
            List<Pod> all = new ArrayList<>();
            for (Installation i : installations) {
                Map<PodGroup, Pod> p = InstallationPods.of(i);
                pods.put(i, p);
                all.addAll(p.values());
                Probes pr = probes.computeIfAbsent(i.namespace(), ns -> Probes.of(ns, options.operatorNamespaceLabels()));
                for (Flow f : generator.flows(i)) {
                    if (f.from() instanceof Endpoint.ListenerPeers l) {
                        witnesses.computeIfAbsent(i.namespace() + "/" + i.name() + "/" + l.listener(),
                                k -> PeerWitnesses.of(l.peers(), i.namespace(), i.name() + "-" + l.listener()));
                    }
                }
            }
            // A second replica of every group, so that a group's connections to its own kind (Kafka to Kafka on
            // 9091, ZooKeeper to ZooKeeper) are checked between two pods, as they happen.
            for (Pod p : new ArrayList<>(all)) {
                Pod twin = Pod.of(p.namespace(), p.name().replaceFirst("-0$", "-1"), p.labels());
                twins.put(p, twin);
                all.add(twin);
            }
            Set<String> podNames = new LinkedHashSet<>();
            all.forEach(p -> podNames.add(p.toString()));
            for (Pod p : context.pods()) {
                if (!isInstallationPod(p) && podNames.add(p.toString())) {
                    all.add(p);
                }
            }
            for (Probes pr : probes.values()) {
                namespaces.addAll(pr.namespaces());
                for (Pod p : pr.pods()) {
                    if (podNames.add(p.toString())) {
                        all.add(p);
                    }
                }
            }
            for (List<PeerWitnesses.Witness> ws : witnesses.values()) {
                for (PeerWitnesses.Witness w : ws) {
                    w.namespace().ifPresent(namespaces::add);
                    if (w.node() instanceof Node.PodNode pn && podNames.add(pn.pod().toString())) {
                        all.add(pn.pod());
                    }
                }
            }
            Cluster cluster = Cluster.of(dedupe(namespaces), all, policies);
            this.analyzer = Analyzer.of(cluster);
            all.forEach(p -> everyone.add(Node.of(p)));
            Set<String> addresses = new LinkedHashSet<>();
            for (Probes pr : probes.values()) {
                if (addresses.add(pr.outside().toString())) {
                    everyone.add(pr.outside());
                }
            }
            witnesses.values().forEach(ws -> ws.forEach(w -> {
                if (w.node() instanceof Node.ExternalNode a && addresses.add(a.toString())) {
                    everyone.add(a);
                }
            }));
        }

        /** A real pod of an installation: stood for by its synthesized twin (same labels), not counted twice. */
        private boolean isInstallationPod(Pod p) {
            return pods.values().stream().flatMap(m -> m.values().stream())
                    .anyMatch(s -> s.namespace().equals(p.namespace()) && p.labels().entrySet().containsAll(s.labels().entrySet()));
        }

        private List<Namespace> dedupe(List<Namespace> namespaces) {
            Map<String, Namespace> byName = new LinkedHashMap<>();
            namespaces.forEach(n -> byName.putIfAbsent(n.name(), n));
            return new ArrayList<>(byName.values());
        }

        VerifyReport check() {
            int flowsChecked = 0;
            for (Installation i : installations) {
                for (Flow f : generator.flows(i)) {
                    flowsChecked += checkFlow(i, f);
                }
            }
            int pairs = 0;
            for (Installation i : installations) {
                for (Pod pod : pods.get(i).values()) {
                    pairs += leastPrivilege(i, pod);
                }
            }
            return new VerifyReport(flowsChecked, pairs, findings, checks);
        }

        private int checkFlow(Installation i, Flow f) {
            Connections required = required(f);
            int checked = 0;
            for (Node s : nodesOf(i, f.from())) {
                for (Node target : nodesOf(i, f.to())) {
                    Node d = target;
                    if (s.equals(target)) {
                        Pod twin = s instanceof Node.PodNode sp ? twins.get(sp.pod()) : null;
                        if (twin == null) {
                            continue;
                        }
                        d = Node.of(twin);
                    }
                    checked++;
                    boolean ourDestination = d instanceof Node.PodNode dp && isOurs(dp.pod());
                    Connections allowed;
                    String side;
                    if (!f.ingress() && ourDestination) {
                        // es-netpol only lets it out; admission at the destination is someone else's decision
                        // (a listener's networkPolicyPeers, say).
                        allowed = analyzer.egressSide(((Node.PodNode) s).pod(), d);
                        side = "egress";
                    } else {
                        allowed = analyzer.allowed(s, d);
                        side = "end to end";
                    }
                    checks.add(new VerifyReport.CheckedFlow(i.name(), f, s.toString(), d.toString(), allowed.containsAll(required)));
                    if (!allowed.containsAll(required)) {
                        Connections lacking = required.minus(allowed);
                        int port = samplePort(lacking, f.protocol());
                        Explanation e = analyzer.explain(s, d, f.protocol(), port);
                        List<String> why = new ArrayList<>();
                        if (!e.egress().allows()) {
                            why.add("egress of " + e.egress().pod() + ": " + e.egress().summary());
                        }
                        if (!e.ingress().allows() && !side.equals("egress")) {
                            why.add("ingress of " + e.ingress().pod() + ": " + e.ingress().summary());
                        }
                        findings.add(new Finding(Finding.Kind.MISSING, side, s.toString(), d.toString(), lacking.toString(),
                                f.reason() + "; " + f.basis().description(), why));
                    }
                }
            }
            return checked;
        }

        /** What each of the installation's pods admits and lets out, against what its flows document. */
        private int leastPrivilege(Installation i, Pod pod) {
            int checked = 0;
            Node self = Node.of(pod);
            for (Node other : everyone) {
                if (other.equals(self)) {
                    continue;
                }
                checked++;
                Connections admitted = analyzer.ingressSide(other, pod);
                Connections documentedIn = documented(other, self, true);
                Connections extraIn = admitted.minus(documentedIn);
                if (!extraIn.isEmpty()) {
                    findings.add(excess("ingress", other, self, extraIn, pod, true));
                }
                if (options.egress()) {
                    Connections letOut = analyzer.egressSide(pod, other);
                    Connections extraOut = letOut.minus(documented(self, other, false));
                    if (!extraOut.isEmpty()) {
                        findings.add(excess("egress", self, other, extraOut, pod, false));
                    }
                }
            }
            return checked;
        }

        private Finding excess(String side, Node from, Node to, Connections extra, Pod ours, boolean ingress) {
            String protocol = extra.ports("TCP").isEmpty() ? (extra.ports("UDP").isEmpty() ? "SCTP" : "UDP") : "TCP";
            int port = samplePort(extra, protocol);
            List<String> rules = ingress ? analyzer.admittingRules(ours, from, true, protocol, port)
                    : analyzer.admittingRules(ours, to, false, protocol, port);
            List<String> why = rules.isEmpty()
                    ? List.of("no policy selects " + ours + " for " + side + ": everything is allowed")
                    : rules.stream().map(r -> "admitted by " + r).toList();
            return new Finding(Finding.Kind.EXCESS, side + " of " + ours, from.toString(), to.toString(), extra.toString(),
                    "not in the catalogue", why);
        }

        /** The union of the documented flows from {@code from} to {@code to} on one side. */
        private Connections documented(Node from, Node to, boolean ingress) {
            Connections c = Connections.NONE;
            for (Installation i : installations) {
                for (Flow f : generator.flows(i)) {
                    if ((ingress ? f.ingress() : f.egress()) && covers(i, f.from(), from) && covers(i, f.to(), to)) {
                        c = c.union(required(f));
                    }
                }
            }
            return c;
        }

        private boolean isOurs(Pod pod) {
            return twins.containsValue(pod) || pods.values().stream().anyMatch(m -> m.containsValue(pod));
        }

        /** Concrete nodes that stand for an endpoint when checking that a flow is open. */
        private List<Node> nodesOf(Installation i, Endpoint e) {
            Probes pr = probes.get(i.namespace());
            if (e instanceof Endpoint.Pods p) {
                Pod pod = pods.get(i).get(p.group());
                return pod == null ? List.of() : List.of(Node.of(pod));
            }
            if (e instanceof Endpoint.InstancePods ip) {
                // The instance's own components: a geo-replicator named like its instance carries the instance
                // label too, and the policy admits it, but the spec does not count it among the instance's pods.
                return pods.get(i).entrySet().stream()
                        .filter(g -> new Origin.AnyInstancePod().admitsInstancePod(g.getKey().component()))
                        .filter(g -> ip.instance().equals(g.getValue().labels().get(Labels.INSTANCE)))
                        .map(g -> (Node) Node.of(g.getValue())).toList();
            }
            if (e instanceof Endpoint.ClusterOperator) {
                // The real operator pods when the cluster has them (their namespace's policies apply to them), else the stand-in.
                List<Node> real = realOperators.stream().map(p -> (Node) Node.of(p)).toList();
                return real.isEmpty() ? List.of(Node.of(pr.operator())) : real;
            }
            if (e instanceof Endpoint.Anywhere) {
                return pr.anywhere();
            }
            if (e instanceof Endpoint.ListenerPeers l) {
                return witnesses.getOrDefault(i.namespace() + "/" + i.name() + "/" + l.listener(), List.of()).stream()
                        .map(PeerWitnesses.Witness::node).toList();
            }
            if (e instanceof Endpoint.External x) {
                return PeerWitnesses.of(List.of(new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr(x.cidr()).endIpBlock().build()),
                        i.namespace(), "external").stream().map(PeerWitnesses.Witness::node).toList();
            }
            if (e instanceof Endpoint.InstanceComponent || e instanceof Endpoint.ComponentPods) {
                // Pods named by labels: those of the cluster (the inputs' own, synthesized or real) that carry them. None
                // means the other resource is not among the inputs, and there is nothing to connect to.
                List<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer> peers = dev.esnetpol.generate.Peers.of(e, options);
                return analyzer.cluster().pods().stream().map(p -> (Node) Node.of(p))
                        .filter(n -> peers.stream().anyMatch(peer -> PeerMatcher.matches(peer, i.namespace(), n, analyzer.cluster())))
                        .toList();
            }
            if (e instanceof Endpoint.Dns) {
                return List.of(Node.of(pr.dns()));
            }
            // The API server: an address outside the cluster, or the first of the configured blocks.
            if (options.apiServerCidrs().isEmpty()) {
                return List.of(pr.outside());
            }
            return options.apiServerCidrs().stream().map(c -> (Node) new Node.ExternalNode(Cidr.parse(c).first(), Cidr.parse(c).ipv6())).toList();
        }

        /** Whether a node is one of those an endpoint stands for (for least privilege). */
        private boolean covers(Installation i, Endpoint e, Node n) {
            if (e instanceof Endpoint.Anywhere || e instanceof Endpoint.Dns) {
                return true;
            }
            if (e instanceof Endpoint.Pods p) {
                Pod pod = pods.get(i).get(p.group());
                return pod != null && n instanceof Node.PodNode pn && (pn.pod().equals(pod) || pn.pod().equals(twins.get(pod)));
            }
            if (e instanceof Endpoint.InstancePods ip) {
                return n instanceof Node.PodNode pn && pn.pod().namespace().equals(i.namespace())
                        && ip.instance().equals(pn.pod().labels().get(Labels.INSTANCE));
            }
            if (e instanceof Endpoint.ClusterOperator) {
                if (!(n instanceof Node.PodNode pn) || !Component.CLUSTER_OPERATOR.appName().equals(pn.pod().labels().get(Labels.NAME))) {
                    return false;
                }
                Namespace ns = analyzer.cluster().namespace(pn.pod().namespace());
                return ns.labels().entrySet().containsAll(options.operatorNamespaceLabels().entrySet());
            }
            if (e instanceof Endpoint.ListenerPeers l) {
                return l.peers().stream().anyMatch(peer -> PeerMatcher.matches(peer, i.namespace(), n, analyzer.cluster()));
            }
            if (e instanceof Endpoint.External x) {
                return n instanceof Node.ExternalNode a && Cidr.parse(x.cidr()).contains(a.address(), a.ipv6());
            }
            if (e instanceof Endpoint.InstanceComponent || e instanceof Endpoint.ComponentPods) {
                return dev.esnetpol.generate.Peers.of(e, options).stream().anyMatch(peer -> PeerMatcher.matches(peer, i.namespace(), n, analyzer.cluster()));
            }
            // ApiServer
            if (options.apiServerCidrs().isEmpty()) {
                return true;
            }
            return n instanceof Node.ExternalNode a
                    && options.apiServerCidrs().stream().anyMatch(c -> Cidr.parse(c).contains(a.address(), a.ipv6()));
        }
    }

    private static Connections required(Flow f) {
        return Connections.of(f.protocol(), f.port() == null ? PortSet.ALL : PortSet.of(f.port()));
    }

    private static int samplePort(Connections c, String protocol) {
        PortSet ports = c.ports(protocol);
        if (ports.isEmpty()) {
            for (String p : Connections.PROTOCOLS) {
                if (!c.ports(p).isEmpty()) {
                    ports = c.ports(p);
                    break;
                }
            }
        }
        return ports.isEmpty() ? 1 : ports.ranges().get(0)[0];
    }
}
