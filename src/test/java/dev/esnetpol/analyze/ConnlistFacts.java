package dev.esnetpol.analyze;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * np-guard netpol-analyzer's connlist lines ({@code SRC => DST : CONNS}) read as facts: connections between
 * named peers, and connections between a peer and a range of external IPv4 addresses.
 */
final class ConnlistFacts {

    record ExternalFact(String peer, boolean outbound, BigInteger first, BigInteger last, Connections connections) {
    }

    final Map<String, Connections> podToPod = new LinkedHashMap<>();
    final List<ExternalFact> external = new ArrayList<>();

    static ConnlistFacts parse(List<String> lines) {
        ConnlistFacts f = new ConnlistFacts();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            int arrow = line.indexOf(" => ");
            int colon = line.lastIndexOf(" : ");
            String src = line.substring(0, arrow).trim();
            String dst = line.substring(arrow + 4, colon).trim();
            Connections c = connections(line.substring(colon + 3).trim());
            if (src.endsWith("[External]")) {
                BigInteger[] r = range(src);
                f.external.add(new ExternalFact(dst, false, r[0], r[1], c));
            } else if (dst.endsWith("[External]")) {
                BigInteger[] r = range(dst);
                f.external.add(new ExternalFact(src, true, r[0], r[1], c));
            } else {
                f.podToPod.put(src + " => " + dst, c);
            }
        }
        return f;
    }

    static BigInteger[] range(String peer) {
        String text = peer.substring(0, peer.indexOf('['));
        String[] ends = text.split("-");
        return new BigInteger[]{address(ends[0]), address(ends[1])};
    }

    static BigInteger address(String ip) {
        return dev.esnetpol.kube.Cidr.ofAddress(ip).first();
    }

    /** {@code All Connections} or {@code TCP 8080-8081,UDP 9091,9092}, possibly ending in {@code ,other protocols}. */
    static Connections connections(String text) {
        if (text.equals("All Connections")) {
            return Connections.ALL;
        }
        Connections c = Connections.NONE;
        String protocol = null;
        for (String token : text.split(",")) {
            String t = token.trim();
            if (t.equals("other protocols")) {
                c = c.union(Connections.ALL.minus(Connections.ALL_PORTS)); // ICMP and the rest, no TCP/UDP/SCTP port
                continue;
            }
            int space = t.indexOf(' ');
            if (space > 0) {
                protocol = t.substring(0, space);
                t = t.substring(space + 1).trim();
            }
            int dash = t.indexOf('-');
            PortSet ports = dash > 0 ? PortSet.range(Integer.parseInt(t.substring(0, dash)), Integer.parseInt(t.substring(dash + 1)))
                    : PortSet.of(Integer.parseInt(t));
            c = c.union(Connections.of(protocol, ports));
        }
        return c;
    }
}
