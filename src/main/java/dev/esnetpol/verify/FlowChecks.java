package dev.esnetpol.verify;

import dev.esnetpol.analyze.Analyzer;
import dev.esnetpol.analyze.Connections;
import dev.esnetpol.analyze.Explanation;
import dev.esnetpol.analyze.Node;
import dev.esnetpol.generate.Flow;
import dev.esnetpol.model.Installation;

import java.util.ArrayList;
import java.util.List;

/**
 * (a) Every documented flow is open, between the ends that stand for its two endpoints: end to end, or on
 * the source's egress side alone when the destination is one of ours and the flow has no ingress side of
 * ours (a listener's networkPolicyPeers seen from Kafka Connect: the admission is someone else's decision).
 */
final class FlowChecks {

    private final SyntheticCluster cluster;
    private final EndpointStands stands;
    private final Analyzer analyzer;
    final List<Finding> findings = new ArrayList<>();
    final List<VerifyReport.CheckedFlow> checks = new ArrayList<>();

    FlowChecks(SyntheticCluster cluster, EndpointStands stands, Analyzer analyzer) {
        this.cluster = cluster;
        this.stands = stands;
        this.analyzer = analyzer;
    }

    /** @return the number of end pairs checked */
    int run(Progress progress) {
        int checked = 0;
        int done = 0;
        for (Installation i : cluster.installations()) {
            for (Flow f : cluster.flows(i)) {
                checked += check(i, f);
            }
            progress.update("documented flows, installations", ++done, cluster.installations().size());
        }
        return checked;
    }

    private int check(Installation i, Flow f) {
        Connections required = FlowPorts.required(f);
        int checked = 0;
        for (End s : stands.of(i, f.from()).ends()) {
            for (End target : stands.of(i, f.to()).ends()) {
                End d = target;
                if (s.node().equals(target.node())) {
                    // A group's connection to its own kind: from the first pod to the second.
                    var second = cluster.secondReplica(s.node());
                    if (second.isEmpty()) {
                        continue;
                    }
                    d = second.get();
                }
                checked++;
                boolean egressOnly = !f.ingress() && d.node() instanceof Node.PodNode && cluster.isOurs(d.node());
                Connections allowed = egressOnly
                        ? analyzer.egressSide(((Node.PodNode) s.node()).pod(), d.node())
                        : analyzer.allowed(s.node(), d.node());
                boolean open = allowed.containsAll(required);
                checks.add(new VerifyReport.CheckedFlow(i.name(), f, s, d, open));
                if (!open) {
                    Connections lacking = required.minus(allowed);
                    Explanation e = analyzer.explain(s.node(), d.node(), f.protocol(), FlowPorts.samplePort(lacking, f.protocol()));
                    List<Explanation.Side> blocking = new ArrayList<>();
                    if (!e.egress().allows()) {
                        blocking.add(e.egress());
                    }
                    if (!e.ingress().allows() && !egressOnly) {
                        blocking.add(e.ingress());
                    }
                    findings.add(Finding.missing(egressOnly ? Finding.Where.EGRESS_OF_SOURCE : Finding.Where.END_TO_END,
                            s, d, lacking, f, blocking));
                }
            }
        }
        return checked;
    }
}
