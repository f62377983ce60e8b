package dev.esnetpol.analyze;

/**
 * What may pass between two endpoints: ports per protocol (TCP, UDP, SCTP). Immutable. {@link #ALL} is
 * what an unisolated pod accepts; {@link #NONE} what an isolated pod accepts when no rule matches.
 */
public final class Connections {

    public static final java.util.List<String> PROTOCOLS = java.util.List.of("TCP", "UDP", "SCTP");
    public static final Connections NONE = new Connections(new PortSet[]{PortSet.NONE, PortSet.NONE, PortSet.NONE});
    public static final Connections ALL = new Connections(new PortSet[]{PortSet.ALL, PortSet.ALL, PortSet.ALL});

    /** Indexed like {@link #PROTOCOLS}: the analyzer's inner loop unions these, so no maps. */
    private final PortSet[] byProtocol;

    private Connections(PortSet[] byProtocol) {
        this.byProtocol = byProtocol;
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
        return new Connections(sets);
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
        return byProtocol[0].isEmpty() && byProtocol[1].isEmpty() && byProtocol[2].isEmpty();
    }

    public boolean isAll() {
        return byProtocol[0].isAll() && byProtocol[1].isAll() && byProtocol[2].isAll();
    }

    public Connections union(Connections other) {
        if (other == this || other.isEmpty() || this.isAll()) {
            return this;
        }
        if (isEmpty() || other.isAll()) {
            return other;
        }
        return new Connections(new PortSet[]{byProtocol[0].union(other.byProtocol[0]), byProtocol[1].union(other.byProtocol[1]),
                byProtocol[2].union(other.byProtocol[2])});
    }

    public Connections intersect(Connections other) {
        if (other == this || isEmpty() || other.isAll()) {
            return this;
        }
        if (other.isEmpty() || isAll()) {
            return other;
        }
        return new Connections(new PortSet[]{byProtocol[0].intersect(other.byProtocol[0]), byProtocol[1].intersect(other.byProtocol[1]),
                byProtocol[2].intersect(other.byProtocol[2])});
    }

    public Connections minus(Connections other) {
        return new Connections(new PortSet[]{byProtocol[0].minus(other.byProtocol[0]), byProtocol[1].minus(other.byProtocol[1]),
                byProtocol[2].minus(other.byProtocol[2])});
    }

    /** Whether every connection of {@code other} is also in this. */
    public boolean containsAll(Connections other) {
        for (int i = 0; i < 3; i++) {
            if (!byProtocol[i].containsAll(other.byProtocol[i])) {
                return false;
            }
        }
        return true;
    }

    /** np-guard's words: {@code All Connections}, or {@code TCP 80,443,UDP 53}; empty is {@code No Connections}. */
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
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Connections c && java.util.Arrays.equals(byProtocol, c.byProtocol);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(byProtocol);
    }
}
