package dev.esnetpol.analyze;

import dev.esnetpol.kube.Cidr;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.BitSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The index finds exactly the blocks a test of every block finds, for IPv4 and IPv6, any prefix, with excepts. */
class IpBlockIndexTest {

    private static NetworkPolicy policyWith(List<IPBlock> blocks) {
        return new NetworkPolicyBuilder().withNewMetadata().withName("p").withNamespace("n").endMetadata().withNewSpec()
                .addNewIngress().withFrom(blocks.stream().map(b -> new NetworkPolicyPeerBuilder().withIpBlock(b).build()).toList()).endIngress()
                .endSpec().build();
    }

    @Provide
    Arbitrary<IPBlock> blocks() {
        Arbitrary<String> v4 = Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 32)).as((a, b, len) -> "10." + a + "." + b + ".7/" + len);
        Arbitrary<String> v6 = Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 128))
                .as((a, len) -> "fd00:" + a + "::7/" + len);
        Arbitrary<String> cidr = Arbitraries.oneOf(v4, v6);
        return Combinators.combine(cidr, Arbitraries.integers().between(0, 3)).as((c, k) -> {
            Cidr parsed = Cidr.parse(c);
            // An except inside the block: the block's own network narrowed by k bits (when there is room).
            int narrower = Math.min(parsed.prefix() + k, parsed.ipv6() ? 128 : 32);
            String except = k == 0 ? null : c.substring(0, c.indexOf('/')) + "/" + narrower;
            IPBlock b = new IPBlock();
            b.setCidr(c);
            b.setExcept(except == null ? null : List.of(except));
            return b;
        });
    }

    @Provide
    Arbitrary<String> addresses() {
        Arbitrary<String> v4 = Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 9)).as((a, b, c) -> "10." + a + "." + b + "." + c);
        Arbitrary<String> v6 = Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 9))
                .as((a, c) -> "fd00:" + a + "::" + c);
        return Arbitraries.oneOf(v4, v6, Arbitraries.of("192.168.0.1", "::1"));
    }

    @Provide
    Arbitrary<List<IPBlock>> blockLists() {
        return blocks().list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<String>> addressLists() {
        return addresses().list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 300)
    void theIndexFindsWhatTestingEveryBlockFinds(@ForAll("blockLists") List<IPBlock> blocks, @ForAll("addressLists") List<String> addresses) {
        IpBlockIndex index = IpBlockIndex.of(List.of(policyWith(blocks)));
        for (String address : addresses) {
            Cidr a = Cidr.ofAddress(address);
            BitSet found = new BitSet();
            index.addContaining(a.first(), a.ipv6(), found);
            BitSet expected = new BitSet();
            for (int n = 0; n < index.blocks().size(); n++) {
                if (index.blocks().get(n).matches(a.first(), a.ipv6())) {
                    expected.set(n);
                }
            }
            assertEquals(expected, found, address + " in " + index.blocks());
        }
    }

    @Test
    void blocksWrittenAlikeAreOneAndEachHasItsNumber() {
        IPBlock a = new IPBlock("10.0.0.0/8", List.of("10.1.0.0/16"));
        IPBlock same = new IPBlock("10.0.0.0/8", List.of("10.1.0.0/16"));
        IPBlock b = new IPBlock("0.0.0.0/0", null);
        IpBlockIndex index = IpBlockIndex.of(List.of(policyWith(List.of(a, b, same))));
        assertEquals(2, index.blocks().size());
        assertEquals(0, index.numberOf(same));
        assertEquals(1, index.numberOf(b));
        BitSet found = new BitSet();
        index.addContaining(BigInteger.valueOf((10L << 24) | (1 << 16) | 5), false, found);
        assertEquals(BitSet.valueOf(new long[]{0b10}), found, "10.1.0.5 is in 10.0.0.0/8's except, and in 0.0.0.0/0");
        assertThrows(IllegalArgumentException.class, () -> index.numberOf(new IPBlock("172.16.0.0/12", null)));
    }
}
