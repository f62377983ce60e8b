package dev.esnetpol.analyze;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a rule's {@code ports}: a protocol (TCP when absent) with a number, a range
 * ({@code port}..{@code endPort}), a name resolved on the destination pod, or no port (every port). A named
 * port of a cluster-scoped policy has no protocol (null): it is the container port of that name, whatever its
 * protocol (v1alpha1 {@code namedPort}, v1alpha2 {@code destinationNamedPort}).
 */
public record PortMatcher(String protocol, Integer first, Integer last, String name) {

    /**
     * The entries of a {@code ports} list; none for an absent or empty list, which admits every port of every
     * protocol (ICMP and others too: {@link Connections#ALL}, see {@link CompiledRule}).
     */
    static List<PortMatcher> of(List<NetworkPolicyPort> ports) {
        List<PortMatcher> out = new ArrayList<>();
        if (ports == null || ports.isEmpty()) {
            return out;
        }
        for (NetworkPolicyPort p : ports) {
            String protocol = p.getProtocol() == null || p.getProtocol().isEmpty() ? "TCP" : p.getProtocol();
            IntOrString port = p.getPort();
            if (port == null || (port.getIntVal() == null && port.getStrVal() == null)) {
                out.add(new PortMatcher(protocol, null, null, null));
            } else if (port.getIntVal() != null) {
                int first = port.getIntVal();
                int last = p.getEndPort() != null ? p.getEndPort() : first;
                out.add(new PortMatcher(protocol, first, last, null));
            } else {
                String text = port.getStrVal();
                if (text.chars().allMatch(Character::isDigit) && !text.isEmpty()) {
                    // "80" written as a string: the API server stores it as a number.
                    int n = Integer.parseInt(text);
                    out.add(new PortMatcher(protocol, n, p.getEndPort() != null ? p.getEndPort() : n, null));
                } else {
                    out.add(new PortMatcher(protocol, null, null, text));
                }
            }
        }
        return out;
    }

    /**
     * What a {@code ports} list admits towards every destination alike (empty: every port of every protocol), or
     * null when a named port makes it depend on the destination ({@link #towards}).
     */
    static Connections fixed(List<PortMatcher> ports) {
        Connections c = ports.isEmpty() ? Connections.ALL : Connections.NONE;
        for (PortMatcher p : ports) {
            if (p.isNamed()) {
                return null;
            }
            c = c.union(p.resolve(null));
        }
        return c;
    }

    /** What a non-empty {@code ports} list admits towards {@code destination} (null: outside the cluster). */
    static Connections towards(List<PortMatcher> ports, Pod destination) {
        Connections c = Connections.NONE;
        for (PortMatcher p : ports) {
            c = c.union(p.resolve(destination));
        }
        return c;
    }

    boolean isNamed() {
        return name != null;
    }

    /**
     * What this entry admits towards {@code destination}: a named port is the destination pod's container
     * port of that name and protocol (none when it has none, or the destination is outside the cluster).
     */
    Connections resolve(Pod destination) {
        if (name != null) {
            if (destination == null) {
                return Connections.NONE;
            }
            PortSet set = PortSet.NONE;
            if (protocol == null) {
                Connections any = Connections.NONE;
                for (NamedPort np : destination.ports()) {
                    if (name.equals(np.name())) {
                        any = any.union(Connections.of(np.protocol(), PortSet.of(np.port())));
                    }
                }
                return any;
            }
            for (NamedPort np : destination.ports()) {
                if (name.equals(np.name()) && protocol.equals(np.protocol())) {
                    set = set.union(PortSet.of(np.port()));
                }
            }
            return Connections.of(protocol, set);
        }
        if (first == null) {
            return Connections.allOf(protocol);
        }
        return Connections.of(protocol, PortSet.range(first, last));
    }

    @Override
    public String toString() {
        if (name != null) {
            return protocol == null ? name : name + "/" + protocol;
        }
        if (first == null) {
            return "all/" + protocol;
        }
        return (first.equals(last) ? String.valueOf(first) : first + "-" + last) + "/" + protocol;
    }
}
