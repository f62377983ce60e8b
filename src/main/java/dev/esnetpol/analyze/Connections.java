package dev.esnetpol.analyze;

/**
 * What may pass between two endpoints: ports per protocol (TCP, UDP, SCTP), and whether every other
 * protocol (ICMP, ...) passes too. Immutable. {@link #ALL} is what an unisolated pod accepts and what a rule
 * without {@code ports} admits; a rule with a {@code ports} list admits only the TCP, UDP and SCTP ports it
 * lists, never another protocol, so even one listing every port of all three is not {@link #ALL}.
 * {@link #NONE} is what an isolated pod accepts when no rule matches.
 */
public final class Connections {

    public static final java.util.List<String> PROTOCOLS = java.util.List.of("TCP", "UDP", "SCTP");
    public static final Connections NONE = new Connections(new PortSet[]{PortSet.NONE, PortSet.NONE, PortSet.NONE}, false);
    public static final Connections ALL = new Connections(new PortSet[]{PortSet.ALL, PortSet.ALL, PortSet.ALL}, true);
    /** Every port of TCP, UDP and SCTP, and no other protocol: a rule listing {@code protocol: X} for all three. */
    public static final Connections ALL_PORTS = new Connections(new PortSet[]{PortSet.ALL, PortSet.ALL, PortSet.ALL}, false);

    /** Indexed like {@link #PROTOCOLS}: the analyzer's inner loop unions these, so no maps. */
    private final PortSet[] byProtocol;
    /** Whether protocols other than TCP, UDP and SCTP pass. */
    private final boolean others;

    private Connections(PortSet[] byProtocol, boolean others) {
        this.byProtocol = byProtocol;
        this.others = others;
    }

    private static Connections make(PortSet[] byProtocol, boolean others) {
        boolean full = byProtocol[0].isAll() && byProtocol[1].isAll() && byProtocol[2].isAll();
        if (full && others) {
            return ALL;
        }
        if (!others && byProtocol[0].isEmpty() && byProtocol[1].isEmpty() && byProtocol[2].isEmpty()) {
            return NONE;
        }
        return new Connections(byProtocol, others);
    }

    /**
     * The same set in a model that knows only TCP, UDP and SCTP (np-guard's): every port of the three is
     * {@link #ALL}, and other protocols are not spoken of.
     */
    public Connections onlyTcpUdpSctp() {
        if (byProtocol[0].isAll() && byProtocol[1].isAll() && byProtocol[2].isAll()) {
            return ALL;
        }
        return others ? make(byProtocol, false) : this;
    }

    /** Whether protocols other than TCP, UDP and SCTP (ICMP, ...) pass. */
    public boolean otherProtocols() {
        return others;
    }

    private static int index(String protocol) {
        return switch (protocol) {
            case "TCP" -> 0;
            case "UDP" -> 1;
            case "SCTP" -> 2;
            default -> throw new IllegalArgumentException("unknown protocol '" + protocol + "'");
        };
    }

    public static Connections of(String protocol, PortSet ports) {
        if (ports.isEmpty()) {
            return NONE;
        }
        PortSet[] sets = {PortSet.NONE, PortSet.NONE, PortSet.NONE};
        sets[index(protocol)] = ports;
        return new Connections(sets, false);
    }

    public static Connections allOf(String protocol) {
        return of(protocol, PortSet.ALL);
    }

    public PortSet ports(String protocol) {
        return byProtocol[index(protocol)];
    }

    public boolean allows(String protocol, int port) {
        return ports(protocol).contains(port);
    }

    public boolean isEmpty() {
        return !others && byProtocol[0].isEmpty() && byProtocol[1].isEmpty() && byProtocol[2].isEmpty();
    }

    /** Every port of every protocol, others included: what "All Connections" means. */
    public boolean isAll() {
        return others && byProtocol[0].isAll() && byProtocol[1].isAll() && byProtocol[2].isAll();
    }

    public Connections union(Connections other) {
        if (other == this || other.isEmpty() || this.isAll()) {
            return this;
        }
        if (isEmpty() || other.isAll()) {
            return other;
        }
        return make(new PortSet[]{byProtocol[0].union(other.byProtocol[0]), byProtocol[1].union(other.byProtocol[1]),
                byProtocol[2].union(other.byProtocol[2])}, others || other.others);
    }

    public Connections intersect(Connections other) {
        if (other == this || isEmpty() || other.isAll()) {
            return this;
        }
        if (other.isEmpty() || isAll()) {
            return other;
        }
        return make(new PortSet[]{byProtocol[0].intersect(other.byProtocol[0]), byProtocol[1].intersect(other.byProtocol[1]),
                byProtocol[2].intersect(other.byProtocol[2])}, others && other.others);
    }

    public Connections minus(Connections other) {
        return make(new PortSet[]{byProtocol[0].minus(other.byProtocol[0]), byProtocol[1].minus(other.byProtocol[1]),
                byProtocol[2].minus(other.byProtocol[2])}, others && !other.others);
    }

    /** Whether every connection of {@code other} is also in this. */
    public boolean containsAll(Connections other) {
        for (int i = 0; i < 3; i++) {
            if (!byProtocol[i].containsAll(other.byProtocol[i])) {
                return false;
            }
        }
        return others || !other.others;
    }

    /**
     * np-guard's words: {@code All Connections} (every protocol), or {@code TCP 80,443,UDP 53}; empty is
     * {@code No Connections}. Other protocols without all ports (only a difference of sets can give that)
     * end in {@code ,other protocols}.
     */
    @Override
    public String toString() {
        if (isAll()) {
            return "All Connections";
        }
        if (isEmpty()) {
            return "No Connections";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            PortSet s = byProtocol[i];
            if (!s.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(PROTOCOLS.get(i)).append(' ').append(s.isAll() ? "1-65535" : s.toString());
            }
        }
        if (others) {
            sb.append(sb.length() > 0 ? "," : "").append("other protocols");
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Connections c && others == c.others && java.util.Arrays.equals(byProtocol, c.byProtocol);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(byProtocol) * 2 + (others ? 1 : 0);
    }
}
