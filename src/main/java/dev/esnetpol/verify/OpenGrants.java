package dev.esnetpol.verify;

import dev.esnetpol.analyze.Analyzer;
import dev.esnetpol.analyze.Connections;
import dev.esnetpol.analyze.Node;
import dev.esnetpol.generate.DefaultGrants;
import dev.esnetpol.generate.Flow;
import dev.esnetpol.model.Installation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The default grants ({@link DefaultGrants}) the policies in force really make: each flow of one is probed from
 * (to) an address outside the cluster on its own side of the installation's pods; the open ones are grouped by the
 * rules that admit them, so that a rule is reported once with every pod and port it opens.
 */
final class OpenGrants {

    private OpenGrants() {
    }

    static List<OpenGrant> of(SyntheticCluster cluster, Analyzer analyzer) {
        Map<String, Map<DefaultGrants.Kind, Set<String>>> ports = new LinkedHashMap<>();
        Map<String, Set<End>> pods = new LinkedHashMap<>();
        for (Installation i : cluster.installations()) {
            Node outside = cluster.standIns(i).outside().node();
            for (DefaultGrants.Grant g : DefaultGrants.of(cluster.flows(i), cluster.options())) {
                if (!g.kind().ingress() && !cluster.options().egress()) {
                    continue; // no egress policy at all: everything is let out, which the options already say
                }
                for (End pod : cluster.replicas(i, g.group())) {
                    Node.PodNode p = (Node.PodNode) pod.node();
                    for (Flow f : g.flows()) {
                        Connections required = FlowPorts.required(f);
                        Connections open = g.kind().ingress() ? analyzer.ingressSide(outside, p.pod()) : analyzer.egressSide(p.pod(), outside);
                        if (!open.containsAll(required)) {
                            continue;
                        }
                        int port = FlowPorts.samplePort(required, f.protocol());
                        List<String> rules = analyzer.admittingRules(p.pod(), outside, g.kind().ingress(), f.protocol(), port);
                        String rule = rules.isEmpty() ? "no policy isolates the " + (g.kind().ingress() ? "ingress" : "egress") + " of "
                                + p.pod() : String.join("; ", rules);
                        ports.computeIfAbsent(rule, k -> new LinkedHashMap<>()).computeIfAbsent(g.kind(), k -> new LinkedHashSet<>()).add(f.portText());
                        pods.computeIfAbsent(rule, k -> new LinkedHashSet<>()).add(pod);
                    }
                }
            }
        }
        List<OpenGrant> out = new ArrayList<>();
        ports.forEach((rule, byKind) -> {
            Map<DefaultGrants.Kind, List<String>> lists = new LinkedHashMap<>();
            byKind.forEach((k, v) -> lists.put(k, new ArrayList<>(v)));
            out.add(new OpenGrant(rule, lists, new ArrayList<>(pods.get(rule))));
        });
        return out;
    }
}
