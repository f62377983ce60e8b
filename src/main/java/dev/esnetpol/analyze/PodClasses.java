package dev.esnetpol.analyze;

import dev.esnetpol.kube.Cidr;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The endpoints of a cluster under one {@link Profile}, grouped into classes of pods no policy can tell
 * apart, and the index from an address to the pod it belongs to.
 *
 * <p>A class is: namespace, labels, named ports, whether the pod is outside policy (a host-network pod under
 * a profile where such pods are not policy endpoints), and, when ipBlocks match pods, the set of distinct
 * ipBlocks ({@link #ipBlocks()}) that contain one of its addresses. Pods that are not endpoints (see
 * {@link Pod#notRunningReason()}) are in no class; {@link #notEndpoint(Pod)} says why.
 */
final class PodClasses {

    /**
     * {@code tiers}: with cluster-scoped policies, whether the pod is on the host network (never their subject or
     * selector peer) and which of their addresses (networks CIDRs, Node addresses) hold the pod's; null without.
     */
    record ClassKey(String namespace, Map<String, String> labels, Set<NamedPort> ports, boolean outsidePolicy, BitSet blocks, BitSet tiers) {

        // equals and hashCode written out: see NamedPort.
        @Override
        public boolean equals(Object o) {
            return o instanceof ClassKey k && outsidePolicy == k.outsidePolicy && Objects.equals(namespace, k.namespace)
                    && Objects.equals(labels, k.labels) && Objects.equals(ports, k.ports)
                    && Objects.equals(blocks, k.blocks) && Objects.equals(tiers, k.tiers);
        }

        @Override
        public int hashCode() {
            int h = Objects.hashCode(namespace);
            h = 31 * h + Objects.hashCode(labels);
            h = 31 * h + Objects.hashCode(ports);
            h = 31 * h + Boolean.hashCode(outsidePolicy);
            h = 31 * h + Objects.hashCode(blocks);
            return 31 * h + Objects.hashCode(tiers);
        }
    }

    /** An address as a map key: family and value. */
    record Address(BigInteger value, boolean ipv6) {
        static Address parse(String ip) {
            Cidr c = Cidr.ofAddress(ip);
            return new Address(c.first(), c.ipv6());
        }

        // equals and hashCode written out: see NamedPort.
        @Override
        public boolean equals(Object o) {
            return o instanceof Address a && ipv6 == a.ipv6 && Objects.equals(value, a.value);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(value) + Boolean.hashCode(ipv6);
        }
    }

    final Profile profile;
    final Cluster cluster;
    final List<PodClass> classes = new ArrayList<>();
    final Map<String, List<PodClass>> byNamespace = new LinkedHashMap<>();
    /** The distinct ipBlocks of every policy, numbered as in each class's {@code blocks}. */
    private final IpBlockIndex ipBlocks;
    /** For each block, the classes it contains a member of (filled only when ipBlocks match pods). */
    private final List<BitSet> classesOfBlock = new ArrayList<>();
    private final Map<Pod, PodClass> classOfPod = new HashMap<>();
    private final Map<Pod, String> notEndpoints = new LinkedHashMap<>();
    private final Map<Address, List<Pod>> byAddress = new HashMap<>();
    private final List<Pod> endpoints = new ArrayList<>();
    /** The classes of host-network pods whose traffic counts as the profile's host-network namespace's. */
    final BitSet hostNetworkClasses = new BitSet();

    PodClasses(Cluster cluster, Profile profile) {
        this.cluster = cluster;
        this.profile = profile;
        this.ipBlocks = IpBlockIndex.of(cluster.policies());
        Map<ClassKey, PodClass> byKey = new HashMap<>();
        List<Cidr> tierAddresses = tierAddresses(cluster);
        for (Pod pod : cluster.pods()) {
            String reason = pod.notRunningReason();
            if (reason != null && !profile.stoppedPodsAreEndpoints()) {
                notEndpoints.put(pod, reason);
                continue;
            }
            endpoints.add(pod);
            boolean hostNetworkAsNamespace = pod.hostNetwork() && profile.hostNetworkNamespace() != null;
            boolean outside = pod.hostNetwork() && (!profile.hostNetworkPodsArePolicyEndpoints() || hostNetworkAsNamespace);
            List<Address> addresses = pod.addresses().stream().map(Address::parse).toList();
            addresses.forEach(a -> byAddress.computeIfAbsent(a, k -> new ArrayList<>(1)).add(pod));
            BitSet blocks = new BitSet();
            if (profile.ipBlocksMatchPods() && (!outside || hostNetworkAsNamespace)) {
                addresses.forEach(a -> ipBlocks.addContaining(a.value(), a.ipv6(), blocks));
            }
            ClassKey key = new ClassKey(pod.namespace(), pod.labels(), Set.copyOf(pod.ports()), outside, blocks,
                    tierAddresses == null ? null : tierBits(pod, addresses, tierAddresses));
            PodClass c = byKey.computeIfAbsent(key, k -> {
                PodClass created = new PodClass(classes.size(), pod, outside, blocks);
                classes.add(created);
                byNamespace.computeIfAbsent(pod.namespace(), n -> new ArrayList<>()).add(created);
                return created;
            });
            c.members.add(pod);
            classOfPod.put(pod, c);
            if (hostNetworkAsNamespace && c.members.size() == 1) {
                hostNetworkClasses.set(c.id);
            }
        }
        for (int b = 0; b < ipBlocks.blocks().size(); b++) {
            classesOfBlock.add(new BitSet());
        }
        for (PodClass c : classes) {
            c.ipBlocks.stream().forEach(b -> classesOfBlock.get(b).set(c.id));
        }
    }

    /** The distinct networks CIDRs and Node addresses of the cluster-scoped policies; null when there are none. */
    private static List<Cidr> tierAddresses(Cluster cluster) {
        if (cluster.clusterPolicies().isEmpty()) {
            return null;
        }
        java.util.LinkedHashSet<Cidr> all = new java.util.LinkedHashSet<>();
        for (ClusterPolicy p : cluster.clusterPolicies()) {
            // Networks are egress peers in the API; ingress rules are read too, so a class never hides a difference.
            for (ClusterPolicy.Rule r : java.util.stream.Stream.concat(p.ingress().stream(), p.egress().stream()).toList()) {
                r.peers().stream().filter(ClusterPeer.Networks.class::isInstance).forEach(n -> all.addAll(((ClusterPeer.Networks) n).cidrs()));
            }
        }
        cluster.nodes().forEach(n -> n.addresses().forEach(a -> all.add(Cidr.ofAddress(a))));
        return new ArrayList<>(all);
    }

    private static BitSet tierBits(Pod pod, List<Address> addresses, List<Cidr> tierAddresses) {
        BitSet bits = new BitSet();
        bits.set(0, pod.hostNetwork());
        for (int i = 0; i < tierAddresses.size(); i++) {
            Cidr c = tierAddresses.get(i);
            for (Address a : addresses) {
                if (c.contains(a.value(), a.ipv6())) {
                    bits.set(i + 1);
                }
            }
        }
        return bits;
    }

    /** The class of an endpoint; null for a pod that is not one; an error for a pod of another cluster. */
    PodClass classOf(Pod pod) {
        PodClass c = classOfPod.get(pod);
        if (c == null && !notEndpoints.containsKey(pod)) {
            throw new IllegalArgumentException(pod + " is not a pod of this cluster");
        }
        return c;
    }

    /** Why {@code pod} is not an endpoint under this profile, or null when it is one. */
    String notEndpoint(Pod pod) {
        return notEndpoints.get(pod);
    }

    List<Pod> endpoints() {
        return endpoints;
    }

    /** The endpoints that have this address (status.podIPs, or status.hostIP for host-network pods). */
    List<Pod> podsAt(BigInteger address, boolean ipv6) {
        return byAddress.getOrDefault(new Address(address, ipv6), List.of());
    }

    /** The pods that are not endpoints and had this address: their addresses may already be someone else's. */
    List<Pod> stoppedPodsAt(BigInteger address, boolean ipv6) {
        Address a = new Address(address, ipv6);
        return notEndpoints.keySet().stream().filter(p -> p.addresses().stream().map(Address::parse).anyMatch(a::equals)).toList();
    }

    List<IpBlockMatcher> ipBlocks() {
        return ipBlocks.blocks();
    }

    /** Whether a class has a member inside {@code block} (one of the policies' ipBlocks). */
    boolean inBlock(PodClass c, IPBlock block) {
        return c.ipBlocks.get(ipBlocks.numberOf(block));
    }

    /** The classes with a member inside {@code block} (shared: not to be changed). */
    BitSet classesIn(IPBlock block) {
        return classesOfBlock.get(ipBlocks.numberOf(block));
    }
}
