package dev.esnetpol.analyze;

import dev.esnetpol.kube.Cidr;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;

import java.math.BigInteger;
import java.util.List;

/** An ipBlock parsed once: its block minus its exceptions. */
record IpBlockMatcher(Cidr cidr, List<Cidr> except) {

    static IpBlockMatcher of(IPBlock block) {
        return new IpBlockMatcher(Cidr.parse(block.getCidr()),
                block.getExcept() == null ? List.of() : block.getExcept().stream().map(Cidr::parse).toList());
    }

    /** The block as written (cidr and excepts, in order): equal for blocks that are written alike. */
    String key() {
        return cidr.text() + except.stream().map(Cidr::text).map(t -> " except " + t).reduce("", String::concat);
    }

    /** {@link #key()} of a block not parsed. */
    static String keyOf(IPBlock block) {
        return block.getCidr() + (block.getExcept() == null ? "" : block.getExcept().stream().map(t -> " except " + t).reduce("", String::concat));
    }

    boolean matches(BigInteger address, boolean ipv6) {
        if (!cidr.contains(address, ipv6)) {
            return false;
        }
        for (Cidr e : except) {
            if (e.contains(address, ipv6)) {
                return false;
            }
        }
        return true;
    }
}
