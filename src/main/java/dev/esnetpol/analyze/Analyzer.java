package dev.esnetpol.analyze;

import java.util.List;

/**
 * The exact semantics of {@code networking.k8s.io/v1} NetworkPolicy over one cluster snapshot, read under
 * one {@link Profile} ({@link Profile#REFERENCE} unless told): which connections a source may open to a
 * destination, and why.
 *
 * <p>A connection is allowed when the source's egress side and the destination's ingress side both allow
 * it. A side allows everything unless some policy of the pod's namespace selects the pod with that policy
 * type (the pod is then isolated in that direction); an isolated side allows the union of what the rules
 * of those policies admit from (to) the other end. Policies are compiled once ({@link CompiledPolicies}):
 * each rule knows the pod classes its peers match, and each class knows the rules that apply to it, so a
 * query is a few bit tests.
 *
 * <p>One answer per endpoint: an address that belongs to exactly one endpoint (its status.podIPs, or the
 * status.hostIP of a host-network pod) is that pod, however it is named. A pod that is not an endpoint
 * under the profile (finished, or not running yet: {@link #notEndpoint(Pod)}) can open and accept nothing.
 *
 * <p>Cluster-scoped policies ({@link Cluster#clusterPolicies()}) layer tiers around that: each side goes
 * through the Admin tier first, then the NetworkPolicies, then the Baseline tier ({@link TierWalk}).
 */
public final class Analyzer {

    private final Cluster cluster;
    private final Profile profile;
    final PodClasses classes;
    final CompiledPolicies compiled;
    final CompiledTiers tiers;

    private Analyzer(Cluster cluster, Profile profile) {
        this.cluster = cluster;
        this.profile = profile;
        this.classes = new PodClasses(cluster, profile);
        this.compiled = new CompiledPolicies(classes);
        this.tiers = new CompiledTiers(classes, TierChoices.DEFAULT);
    }

    /** Under the {@link Profile#REFERENCE} semantics. */
    public static Analyzer of(Cluster cluster) {
        return new Analyzer(cluster, Profile.REFERENCE);
    }

    public static Analyzer of(Cluster cluster, Profile profile) {
        return new Analyzer(cluster, profile);
    }

    public Cluster cluster() {
        return cluster;
    }

    public Profile profile() {
        return profile;
    }

    public List<PodClass> classes() {
        return List.copyOf(classes.classes);
    }

    /** The pods that are connection endpoints under this profile, in input order. */
    public List<Pod> endpoints() {
        return List.copyOf(classes.endpoints());
    }

    /** Why {@code pod} is not a connection endpoint under this profile (finished, no address yet), or null. */
    public String notEndpoint(Pod pod) {
        return classes.notEndpoint(pod);
    }

    /** The class of an endpoint; an error for a pod that is not one (see {@link #notEndpoint(Pod)}). */
    public PodClass classOf(Pod pod) {
        PodClass c = classes.classOf(pod);
        if (c == null) {
            throw new IllegalArgumentException(pod + " is not an endpoint: " + classes.notEndpoint(pod));
        }
        return c;
    }

    /**
     * The node a query is about: an address that is exactly one endpoint's is that pod (one answer per
     * endpoint, however it is named); any other node stays as it is.
     */
    public Node resolve(Node node) {
        if (node instanceof Node.ExternalNode a) {
            List<Pod> pods = classes.podsAt(a.address(), a.ipv6());
            if (pods.size() == 1) {
                return Node.of(pods.get(0));
            }
        }
        return node;
    }

    /** What {@code from} may open to {@code to}. Traffic of a pod to itself is always allowed. */
    public Connections allowed(Node from, Node to) {
        return profile.state(allowedAsComputed(from, to));
    }

    private Connections allowedAsComputed(Node from, Node to) {
        Node f = resolve(from);
        Node t = resolve(to);
        if (isStopped(f) || isStopped(t)) {
            return Connections.NONE;
        }
        if (f instanceof Node.PodNode s && t instanceof Node.PodNode d) {
            if (s.pod().equals(d.pod())) {
                return Connections.ALL;
            }
            return allowed(classOf(s.pod()).id, classOf(d.pod()).id);
        }
        if (f instanceof Node.ExternalNode a && t instanceof Node.PodNode d) {
            return ingressFromAddress(classOf(d.pod()).id, a);
        }
        if (f instanceof Node.PodNode s && t instanceof Node.ExternalNode a) {
            return egressToAddress(classOf(s.pod()).id, a);
        }
        return Connections.ALL; // outside to outside: not ours to judge
    }

    private boolean isStopped(Node n) {
        return n instanceof Node.PodNode p && classes.classOf(p.pod()) == null;
    }

    /** Between two classes (two distinct pods of them). */
    public Connections allowed(int sourceClass, int destinationClass) {
        Connections in = ingress(sourceClass, destinationClass);
        if (in.isEmpty()) {
            return in;
        }
        return profile.state(in.intersect(egress(sourceClass, destinationClass)));
    }

    /** What {@code destination}'s ingress side admits from every class, indexed by source class (null: nothing). */
    public Connections[] ingressFromEveryClass(int destination) {
        return EveryClass.ingressFrom(this, destination);
    }

    /** What {@code source}'s egress side lets out to every class, indexed by destination class (null: nothing). */
    public Connections[] egressToEveryClass(int source) {
        return EveryClass.egressTo(this, source);
    }

    /** The connectivity between every two classes: {@code result[s][d]}, null where nothing is allowed. */
    public Connections[][] classMatrix() {
        return new ClassMatrix(this).compute();
    }

    /** The same as ids of shared sets: an int per class pair, no object per pair (what {@link Matrix} uses). */
    public ClassMatrix matrix() {
        return new ClassMatrix(this);
    }

    Connections ingress(int source, int destination) {
        if (tiers.any) {
            return TierWalk.side(tiers.adminIngress.get(destination), tiers.baselineIngress.get(destination),
                    !compiled.ingressPolicies.get(destination).isEmpty(), () -> compiled.ingress(source, destination),
                    r -> r.matchesClass(source), classes.classes.get(destination).representative);
        }
        return compiled.ingress(source, destination);
    }

    Connections egress(int source, int destination) {
        if (tiers.any) {
            return TierWalk.side(tiers.adminEgress.get(source), tiers.baselineEgress.get(source),
                    !compiled.egressPolicies.get(source).isEmpty(), () -> compiled.egress(source, destination),
                    r -> r.matchesClass(destination), classes.classes.get(destination).representative);
        }
        return compiled.egress(source, destination);
    }

    /** What a class admits from an address taken as outside the cluster (no resolution to a pod). */
    public Connections ingressFromAddress(int destination, Node.ExternalNode a) {
        return profile.state(ingressFromAddressAsComputed(destination, a));
    }

    private Connections ingressFromAddressAsComputed(int destination, Node.ExternalNode a) {
        if (tiers.any) {
            return TierWalk.side(tiers.adminIngress.get(destination), tiers.baselineIngress.get(destination),
                    !compiled.ingressPolicies.get(destination).isEmpty(), () -> networkPolicyIngressFromAddress(destination, a),
                    r -> r.matchesAddress(a.address(), a.ipv6()), classes.classes.get(destination).representative);
        }
        return networkPolicyIngressFromAddress(destination, a);
    }

    private Connections networkPolicyIngressFromAddress(int destination, Node.ExternalNode a) {
        if (compiled.ingressPolicies.get(destination).isEmpty()) {
            return Connections.ALL;
        }
        Pod dst = classes.classes.get(destination).representative;
        Connections c = Connections.NONE;
        for (CompiledRule r : compiled.ingressRules.get(destination)) {
            if (r.matchesAddress(a.address(), a.ipv6())) {
                c = c.union(r.connectionsTo(dst));
            }
        }
        return c;
    }

    /** What a class lets out to an address taken as outside the cluster (no resolution to a pod). */
    public Connections egressToAddress(int source, Node.ExternalNode a) {
        return profile.state(egressToAddressAsComputed(source, a));
    }

    private Connections egressToAddressAsComputed(int source, Node.ExternalNode a) {
        if (tiers.any) {
            return TierWalk.side(tiers.adminEgress.get(source), tiers.baselineEgress.get(source),
                    !compiled.egressPolicies.get(source).isEmpty(), () -> networkPolicyEgressToAddress(source, a),
                    r -> r.matchesAddress(a.address(), a.ipv6()), null);
        }
        return networkPolicyEgressToAddress(source, a);
    }

    private Connections networkPolicyEgressToAddress(int source, Node.ExternalNode a) {
        if (compiled.egressPolicies.get(source).isEmpty()) {
            return Connections.ALL;
        }
        Connections c = Connections.NONE;
        for (CompiledRule r : compiled.egressRules.get(source)) {
            if (r.matchesAddress(a.address(), a.ipv6())) {
                c = c.union(r.connectionsTo(null));
            }
        }
        return c;
    }

    /** What {@code to}'s ingress side alone admits from {@code from} (its egress side aside). */
    public Connections ingressSide(Node from, Pod to) {
        Node f = resolve(from);
        if (isStopped(f) || classes.classOf(to) == null) {
            return Connections.NONE;
        }
        int d = classOf(to).id;
        if (f instanceof Node.PodNode s) {
            return s.pod().equals(to) ? Connections.ALL : profile.state(ingress(classOf(s.pod()).id, d));
        }
        return ingressFromAddress(d, (Node.ExternalNode) f);
    }

    /** What {@code from}'s egress side alone lets out to {@code to}. */
    public Connections egressSide(Pod from, Node to) {
        Node t = resolve(to);
        if (isStopped(t) || classes.classOf(from) == null) {
            return Connections.NONE;
        }
        int s = classOf(from).id;
        if (t instanceof Node.PodNode d) {
            return d.pod().equals(from) ? Connections.ALL : profile.state(egress(s, classOf(d.pod()).id));
        }
        return egressToAddress(s, (Node.ExternalNode) t);
    }

    /** Whether {@code pod} is isolated for ingress (some policy selects it with type Ingress). */
    public boolean isolatedForIngress(Pod pod) {
        return !compiled.ingressPolicies.get(classOf(pod).id).isEmpty();
    }

    public boolean isolatedForEgress(Pod pod) {
        return !compiled.egressPolicies.get(classOf(pod).id).isEmpty();
    }

    boolean isolatedForIngress(int podClass) {
        return !compiled.ingressPolicies.get(podClass).isEmpty();
    }

    boolean isolatedForEgress(int podClass) {
        return !compiled.egressPolicies.get(podClass).isEmpty();
    }

    /** The verdict for one connection and the reasons on both sides, under this analyzer's profile. */
    public Explanation explain(Node from, Node to, String protocol, int port) {
        return new Explainer(this).explain(from, to, protocol, port);
    }

    /** The rules of policies selecting {@code pod} that admit {@code protocol/port} from (or to) {@code other}. */
    public List<String> admittingRules(Pod pod, Node other, boolean ingress, String protocol, int port) {
        if (classes.classOf(pod) == null) {
            return List.of();
        }
        return new Explainer(this).side(pod, resolve(other), ingress, protocol, port).admittingRules();
    }

    /**
     * One side of a set of connections: {@code pod}'s ingress ({@code ingress}) or egress side towards
     * {@code other}, with the rules that admit some of {@code wanted} (each with its ports), or the policies
     * that isolate it and admit none of it.
     */
    public Explanation.Side side(Pod pod, Node other, boolean ingress, Connections wanted) {
        return new Explainer(this).side(pod, resolve(other), ingress, wanted);
    }

    List<CompiledPolicy> compiledPolicies() {
        return compiled.policies;
    }
}
