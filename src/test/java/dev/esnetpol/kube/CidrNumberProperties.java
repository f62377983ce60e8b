package dev.esnetpol.kube;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.math.BigInteger;
import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** An IPv4 address is the number InetAddress makes of it, however its octets are written (leading zeros too). */
class CidrNumberProperties {

    @Property(tries = 500)
    void anIpv4AddressIsTheNumberOfItsOctets(@ForAll @IntRange(max = 255) int a, @ForAll @IntRange(max = 255) int b,
                                             @ForAll @IntRange(max = 255) int c, @ForAll @IntRange(max = 255) int d,
                                             @ForAll @IntRange(max = 32) int prefix, @ForAll boolean padded) throws Exception {
        String address = String.format(padded ? "%03d.%03d.%03d.%03d" : "%d.%d.%d.%d", a, b, c, d);
        BigInteger expected = new BigInteger(1, InetAddress.getByName(address).getAddress());
        assertEquals(expected, Cidr.ofAddress(address).first());
        BigInteger hostMask = BigInteger.ONE.shiftLeft(32 - prefix).subtract(BigInteger.ONE);
        assertEquals(expected.andNot(hostMask), Cidr.parse(address + "/" + prefix).first());
        assertEquals(expected.or(hostMask), Cidr.parse(address + "/" + prefix).last());
    }

    @Property(tries = 100)
    void anOctetOver255IsRefused(@ForAll @IntRange(min = 256, max = 999) int octet) {
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10." + octet + ".0.0/16"));
    }
}
