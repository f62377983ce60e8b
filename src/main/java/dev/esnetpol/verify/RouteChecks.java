package dev.esnetpol.verify;

import dev.esnetpol.analyze.Analyzer;
import dev.esnetpol.analyze.Cluster;
import dev.esnetpol.analyze.Explanation;
import dev.esnetpol.analyze.Exposures;
import dev.esnetpol.analyze.Node;
import dev.esnetpol.analyze.Pod;

import java.util.ArrayList;
import java.util.List;

/**
 * The Routes and Ingresses of the inputs checked against the policies: the router (or ingress controller) must reach
 * every pod and port each leads to ({@link Exposures#targets}), or every client outside the cluster is cut off. A
 * refusal is MISSING, whatever the catalogue says: a listener's {@code networkPolicyPeers} or a hand-written policy
 * that admits only some namespaces refuses the router unless it admits the router's namespace too.
 */
public final class RouteChecks {

    /** One pod and port of a Route or Ingress that the router cannot reach, and the sides that refuse it. */
    public record Refused(Exposures.Target target, Pod router, Explanation why) {

        /** As verify prints a finding: the connection, the route, then each refusing side. */
        public String text() {
            StringBuilder sb = new StringBuilder(String.format("%-8s %s -> %s  %s %d  (%s: the router forwards its clients to this pod; the policies refuse the router)%n",
                    "MISSING", router, target.pod(), target.protocol(), target.port(), target.exposure()));
            for (Explanation.Side s : java.util.Arrays.asList(why.egress(), why.ingress())) {
                if (s != null && !s.allows()) {
                    sb.append("         end to end: ").append(s.ingress() ? "ingress of " : "egress of ").append(s.pod()).append(": ")
                            .append(s.summary()).append('\n');
                }
            }
            return sb.toString();
        }
    }

    private RouteChecks() {
    }

    /**
     * @param cluster    the pods (those the resources will run, or read) and the policies in force
     * @param router     the router's pod (or the stand-in) in {@code cluster}
     * @param exposures  the Routes and Ingresses, with their Services
     * @param analyzer   the analyzer of {@code cluster} under the deciding profile
     */
    public static List<Refused> check(Cluster cluster, Pod router, Exposures exposures, Analyzer analyzer) {
        List<Refused> out = new ArrayList<>();
        for (Exposures.Target t : exposures.targets(cluster)) {
            Explanation e = analyzer.explain(Node.of(router), Node.of(t.pod()), t.protocol(), t.port());
            if (!e.allowed()) {
                out.add(new Refused(t, router, e));
            }
        }
        return out;
    }
}
