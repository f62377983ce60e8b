package dev.esnetpol.verify;

import dev.esnetpol.analyze.Connections;
import dev.esnetpol.analyze.PortSet;
import dev.esnetpol.generate.Flow;

/** The connections a flow needs, and the port an explanation is asked about. */
final class FlowPorts {

    private FlowPorts() {
    }

    static Connections required(Flow f) {
        return Connections.of(f.protocol(), f.port() == null ? PortSet.ALL : PortSet.of(f.port()));
    }

    /** The first port of {@code protocol} in {@code c}, else of any protocol: a connection that shows the verdict. */
    static int samplePort(Connections c, String protocol) {
        PortSet ports = c.ports(protocol);
        if (ports.isEmpty()) {
            for (String p : Connections.PROTOCOLS) {
                if (!c.ports(p).isEmpty()) {
                    ports = c.ports(p);
                    break;
                }
            }
        }
        return ports.isEmpty() ? 1 : ports.ranges().get(0)[0];
    }

    /** The protocol an explanation of {@code c} is asked about: TCP first. */
    static String sampleProtocol(Connections c) {
        return c.ports("TCP").isEmpty() ? (c.ports("UDP").isEmpty() ? "SCTP" : "UDP") : "TCP";
    }
}
