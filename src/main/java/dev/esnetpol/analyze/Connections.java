package dev.esnetpol.analyze;

import java.util.Map;
import java.util.TreeMap;

/**
 * What may pass between two endpoints: ports per protocol (TCP, UDP, SCTP). Immutable. {@link #ALL} is
 * what an unisolated pod accepts; {@link #NONE} what an isolated pod accepts when no rule matches.
 */
public final class Connections {

    public static final java.util.List<String> PROTOCOLS = java.util.List.of("TCP", "UDP", "SCTP");
    public static final Connections NONE = new Connections(Map.of());
    public static final Connections ALL = new Connections(Map.of("TCP", PortSet.ALL, "UDP", PortSet.ALL, "SCTP", PortSet.ALL));

    private final Map<String, PortSet> byProtocol;

    private Connections(Map<String, PortSet> byProtocol) {
        this.byProtocol = byProtocol;
    }

    public static Connections of(String protocol, PortSet ports) {
        return ports.isEmpty() ? NONE : new Connections(Map.of(protocol, ports));
    }

    public static Connections allOf(String protocol) {
        return of(protocol, PortSet.ALL);
    }

    public PortSet ports(String protocol) {
        return byProtocol.getOrDefault(protocol, PortSet.NONE);
    }

    public boolean allows(String protocol, int port) {
        return ports(protocol).contains(port);
    }

    public boolean isEmpty() {
        return byProtocol.isEmpty();
    }

    public boolean isAll() {
        return PROTOCOLS.stream().allMatch(p -> ports(p).isAll());
    }

    public Connections union(Connections other) {
        if (other.isEmpty() || this == ALL) {
            return this;
        }
        if (isEmpty() || other == ALL) {
            return other;
        }
        return combine(other, true);
    }

    public Connections intersect(Connections other) {
        if (isEmpty() || other == ALL) {
            return this;
        }
        if (other.isEmpty() || this == ALL) {
            return other;
        }
        return combine(other, false);
    }

    public Connections minus(Connections other) {
        Map<String, PortSet> out = new TreeMap<>();
        for (String p : PROTOCOLS) {
            PortSet s = ports(p).minus(other.ports(p));
            if (!s.isEmpty()) {
                out.put(p, s);
            }
        }
        return new Connections(out);
    }

    /** Whether every connection of {@code other} is also in this. */
    public boolean containsAll(Connections other) {
        return PROTOCOLS.stream().allMatch(p -> ports(p).containsAll(other.ports(p)));
    }

    private Connections combine(Connections other, boolean union) {
        Map<String, PortSet> out = new TreeMap<>();
        for (String p : PROTOCOLS) {
            PortSet s = union ? ports(p).union(other.ports(p)) : ports(p).intersect(other.ports(p));
            if (!s.isEmpty()) {
                out.put(p, s);
            }
        }
        return out.isEmpty() ? NONE : new Connections(out);
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
        for (String p : PROTOCOLS) {
            PortSet s = ports(p);
            if (!s.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(p).append(' ').append(s.isAll() ? "1-65535" : s.toString());
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Connections c)) {
            return false;
        }
        return PROTOCOLS.stream().allMatch(p -> ports(p).equals(c.ports(p)));
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (String p : PROTOCOLS) {
            h = 31 * h + ports(p).hashCode();
        }
        return h;
    }
}
