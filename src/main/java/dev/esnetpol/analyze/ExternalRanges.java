package dev.esnetpol.analyze;

import dev.esnetpol.kube.Cidr;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The address space outside the cluster cut into the coarsest ranges that every ipBlock of the policies
 * treats alike: each range is wholly inside or wholly outside every {@code cidr} and {@code except}. One
 * probe address per range then stands for the whole range.
 */
public record ExternalRanges(boolean ipv6, List<Range> ranges) {

    public record Range(BigInteger first, BigInteger last, boolean ipv6) {
        public String text() {
            return Cidr.format(first, ipv6) + "-" + Cidr.format(last, ipv6);
        }
    }

    public static ExternalRanges ipv4(List<NetworkPolicy> policies) {
        return of(policies, false);
    }

    public static ExternalRanges ipv6(List<NetworkPolicy> policies) {
        return of(policies, true);
    }

    /** Whether any ipBlock of the policies is IPv6 (then reports show an IPv6 space too). */
    public static boolean anyIpv6(List<NetworkPolicy> policies) {
        boolean[] found = {false};
        forEachBlock(policies, c -> found[0] |= c.ipv6());
        return found[0];
    }

    static ExternalRanges of(List<NetworkPolicy> policies, boolean ipv6) {
        List<Cidr> blocks = new ArrayList<>();
        forEachBlock(policies, blocks::add);
        return cut(blocks, ipv6);
    }

    /**
     * The address space of one family cut at the edges of {@code blocks} (cidrs and excepts): the coarsest
     * ranges that each of them holds wholly or not at all.
     */
    static ExternalRanges cut(java.util.Collection<Cidr> blocks, boolean ipv6) {
        BigInteger max = BigInteger.ONE.shiftLeft(ipv6 ? 128 : 32).subtract(BigInteger.ONE);
        TreeSet<BigInteger> cuts = new TreeSet<>();
        cuts.add(BigInteger.ZERO);
        for (Cidr c : blocks) {
            if (c.ipv6() == ipv6) {
                cuts.add(c.first());
                if (c.last().compareTo(max) < 0) {
                    cuts.add(c.last().add(BigInteger.ONE));
                }
            }
        }
        List<Range> ranges = new ArrayList<>();
        List<BigInteger> starts = new ArrayList<>(cuts);
        for (int i = 0; i < starts.size(); i++) {
            BigInteger last = i + 1 < starts.size() ? starts.get(i + 1).subtract(BigInteger.ONE) : max;
            ranges.add(new Range(starts.get(i), last, ipv6));
        }
        return new ExternalRanges(ipv6, ranges);
    }

    private static void forEachBlock(List<NetworkPolicy> policies, Consumer<Cidr> action) {
        for (NetworkPolicy np : policies) {
            List<NetworkPolicyPeer> peers = new ArrayList<>();
            if (np.getSpec().getIngress() != null) {
                np.getSpec().getIngress().forEach(r -> {
                    if (r.getFrom() != null) {
                        peers.addAll(r.getFrom());
                    }
                });
            }
            if (np.getSpec().getEgress() != null) {
                np.getSpec().getEgress().forEach(r -> {
                    if (r.getTo() != null) {
                        peers.addAll(r.getTo());
                    }
                });
            }
            for (NetworkPolicyPeer p : peers) {
                if (p.getIpBlock() != null) {
                    action.accept(Cidr.parse(p.getIpBlock().getCidr()));
                    if (p.getIpBlock().getExcept() != null) {
                        p.getIpBlock().getExcept().forEach(e -> action.accept(Cidr.parse(e)));
                    }
                }
            }
        }
    }
}
