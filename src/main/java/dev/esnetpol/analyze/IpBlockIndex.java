package dev.esnetpol.analyze;

import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The distinct ipBlocks ({@code spec.ingress[].from[].ipBlock}, {@code spec.egress[].to[].ipBlock}) of a
 * cluster's policies, numbered in order of appearance, and which of them contain an address.
 *
 * <p>Why an index: a block's {@code cidr} is a network of one prefix length, so the blocks that may contain
 * an address are those whose network is the address's own network at one of the prefix lengths in use;
 * an address is looked up once per length (at most 33 for IPv4, 129 for IPv6), then tested against the
 * {@code except} lists of those blocks only. Testing every block against every pod was the analysis' cost
 * at scale: 20,000 pods and 24,000 blocks, half a billion tests, 9 of the 12 seconds of the {@code ipblocks}
 * benchmark.
 */
final class IpBlockIndex {

    /** A block's network: family, prefix length, first address. */
    private record Network(boolean ipv6, int prefix, BigInteger first) {

        // equals and hashCode written out: see NamedPort.
        @Override
        public boolean equals(Object o) {
            return o instanceof Network n && ipv6 == n.ipv6 && prefix == n.prefix && java.util.Objects.equals(first, n.first);
        }

        @Override
        public int hashCode() {
            return (31 * Boolean.hashCode(ipv6) + prefix) * 31 + java.util.Objects.hashCode(first);
        }
    }

    private final List<IpBlockMatcher> blocks = new ArrayList<>();
    /** By {@link IpBlockMatcher#key()}: a String keeps its hash, a record of BigIntegers recomputes it. */
    private final Map<String, Integer> numbers = new HashMap<>();
    private final Map<Network, List<Integer>> byNetwork = new HashMap<>();
    /** The prefix lengths in use and their host masks, per family (0 IPv4, 1 IPv6). */
    private final int[][] lengths = new int[2][];
    private final BigInteger[][] hostMasks = new BigInteger[2][];

    private IpBlockIndex(List<IpBlockMatcher> distinct) {
        List<TreeSet<Integer>> used = List.of(new TreeSet<>(), new TreeSet<>());
        for (IpBlockMatcher block : distinct) {
            int n = blocks.size();
            blocks.add(block);
            numbers.put(block.key(), n);
            byNetwork.computeIfAbsent(new Network(block.cidr().ipv6(), block.cidr().prefix(), block.cidr().first()), k -> new ArrayList<>(1)).add(n);
            used.get(block.cidr().ipv6() ? 1 : 0).add(block.cidr().prefix());
        }
        for (int family = 0; family < 2; family++) {
            int bits = family == 1 ? 128 : 32;
            lengths[family] = used.get(family).stream().mapToInt(Integer::intValue).toArray();
            hostMasks[family] = new BigInteger[lengths[family].length];
            for (int i = 0; i < lengths[family].length; i++) {
                hostMasks[family][i] = BigInteger.ONE.shiftLeft(bits - lengths[family][i]).subtract(BigInteger.ONE);
            }
        }
    }

    /** The distinct ipBlocks of {@code policies}' peers, in order of appearance. */
    static IpBlockIndex of(List<NetworkPolicy> policies) {
        Map<String, IpBlockMatcher> seen = new LinkedHashMap<>();
        for (NetworkPolicy np : policies) {
            List<NetworkPolicyPeer> peers = new ArrayList<>();
            if (np.getSpec().getIngress() != null) {
                np.getSpec().getIngress().forEach(r -> peers.addAll(r.getFrom() == null ? List.of() : r.getFrom()));
            }
            if (np.getSpec().getEgress() != null) {
                np.getSpec().getEgress().forEach(r -> peers.addAll(r.getTo() == null ? List.of() : r.getTo()));
            }
            for (NetworkPolicyPeer p : peers) {
                if (p.getIpBlock() != null) {
                    IpBlockMatcher block = IpBlockMatcher.of(p.getIpBlock());
                    seen.putIfAbsent(block.key(), block);
                }
            }
        }
        return new IpBlockIndex(List.copyOf(seen.values()));
    }

    List<IpBlockMatcher> blocks() {
        return blocks;
    }

    /** The number of a block of these policies; an error for a block they do not have. */
    int numberOf(IPBlock block) {
        Integer n = numbers.get(IpBlockMatcher.keyOf(block));
        if (n == null) {
            throw new IllegalArgumentException("no policy of this cluster has the ipBlock " + block.getCidr());
        }
        return n;
    }

    /** Sets in {@code out} the number of every block that contains the address (in its cidr, in none of its excepts). */
    void addContaining(BigInteger address, boolean ipv6, BitSet out) {
        int family = ipv6 ? 1 : 0;
        for (int i = 0; i < lengths[family].length; i++) {
            List<Integer> candidates = byNetwork.get(new Network(ipv6, lengths[family][i], address.andNot(hostMasks[family][i])));
            if (candidates != null) {
                for (int n : candidates) {
                    if (blocks.get(n).matches(address, ipv6)) {
                        out.set(n);
                    }
                }
            }
        }
    }
}
