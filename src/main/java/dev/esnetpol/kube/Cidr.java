package dev.esnetpol.kube;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 block in CIDR notation, as a closed range of addresses [first, last] in the 32- or
 * 128-bit space of its family. Used both to validate user input and to compute with ipBlocks.
 */
public record Cidr(boolean ipv6, int prefix, BigInteger first, BigInteger last, String text) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");

    /**
     * Parses {@code a.b.c.d/n} or an IPv6 block. Host bits may be set (Kubernetes accepts {@code 10.0.0.1/8}
     * and treats it as {@code 10.0.0.0/8}).
     *
     * @throws IllegalArgumentException with a message fit to show a user
     */
    public static Cidr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty CIDR");
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException(Messages.notACidr(text, null));
        }
        String address = text.substring(0, slash);
        String prefixText = text.substring(slash + 1);
        boolean v6 = address.contains(":");
        if (!(v6 ? IPV6.matcher(address).matches() : IPV4.matcher(address).matches())) {
            throw new IllegalArgumentException(Messages.notACidr(text, "'" + address + "' is not an IP address"));
        }
        int bits = v6 ? 128 : 32;
        int prefix;
        try {
            prefix = Integer.parseInt(prefixText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Messages.notACidr(text, "prefix '" + prefixText + "' is not a number"));
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException(Messages.notACidr(text, "prefix must be 0.." + bits));
        }
        BigInteger value = toNumber(address, text);
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
        BigInteger first = value.andNot(hostMask);
        return new Cidr(v6, prefix, first, first.or(hostMask), text);
    }

    /** Parses a single address ({@code 10.1.2.3} or {@code fd00::1}) as a /32 or /128. */
    public static Cidr ofAddress(String address) {
        return parse(address + (address.contains(":") ? "/128" : "/32"));
    }

    public static boolean isCidr(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public boolean contains(Cidr other) {
        return ipv6 == other.ipv6 && first.compareTo(other.first) <= 0 && last.compareTo(other.last) >= 0;
    }

    public boolean contains(BigInteger address, boolean addressIsV6) {
        return ipv6 == addressIsV6 && first.compareTo(address) <= 0 && last.compareTo(address) >= 0;
    }

    private static BigInteger toNumber(String address, String text) {
        if (!address.contains(":")) {
            // Four octets of 1-3 digits (IPV4 above): the number is theirs, without InetAddress's parsing.
            long value = 0;
            for (String octet : address.split("\\.")) {
                int n = Integer.parseInt(octet);
                if (n > 255) {
                    throw new IllegalArgumentException(Messages.notACidr(text, "octet " + octet + " is over 255"));
                }
                value = value << 8 | n;
            }
            return BigInteger.valueOf(value);
        }
        try {
            // Only literals reach here (checked by the patterns above), so no name lookup happens.
            return new BigInteger(1, InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(Messages.notACidr(text, "'" + address + "' is not an IP address"));
        }
    }

    /** Formats an address of this family back to text, e.g. for range boundaries in reports. */
    public static String format(BigInteger address, boolean v6) {
        byte[] raw = address.toByteArray();
        byte[] fixed = new byte[v6 ? 16 : 4];
        int copy = Math.min(raw.length, fixed.length);
        System.arraycopy(raw, raw.length - copy, fixed, fixed.length - copy, copy);
        try {
            return InetAddress.getByAddress(fixed).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
