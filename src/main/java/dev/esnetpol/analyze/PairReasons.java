package dev.esnetpol.analyze;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a set of connections between two ends passes or not under one analyzer: the source's egress side and
 * the destination's ingress side, each with the rules that admit some of the set (with their ports), or the
 * policies that isolate it and admit none. An address outside the cluster has no side ("no policy applies").
 */
public record PairReasons(Explanation.Side egress, Explanation.Side ingress) {

    /**
     * The reasons for {@code wanted} from {@code from} to {@code to} (nodes as {@link Matrix#node(String)} gives
     * them); an end outside the cluster is named by {@code fromName} or {@code toName} (its range, rather than
     * the one address that stands for it).
     */
    public static PairReasons of(Analyzer analyzer, String fromName, Node from, String toName, Node to, Connections wanted) {
        Node f = analyzer.resolve(from);
        Node t = analyzer.resolve(to);
        Explanation.Side egress = f instanceof Node.PodNode s
                ? analyzer.side(s.pod(), t, false, wanted) : Explanation.Side.outside(fromName);
        Explanation.Side ingress = t instanceof Node.PodNode d
                ? analyzer.side(d.pod(), f, true, wanted) : Explanation.Side.outside(toName);
        return new PairReasons(egress, ingress);
    }

    /** Each side on one line: {@code egress of ns/pod: admitted by ns/np egress rule #1 (...)}; further rules as {@code also ...}. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Explanation.Side s : List.of(egress, ingress)) {
            out.add((s == ingress ? "ingress of " : "egress of ") + s.pod() + ": " + s.summary());
            s.admittingRules().stream().skip(1).forEach(r -> out.add("  also " + r));
        }
        return out;
    }

    /** The rules that admit some of the set, egress side first. */
    public List<String> admittingRules() {
        List<String> out = new ArrayList<>(egress.admittingRules());
        out.addAll(ingress.admittingRules());
        return out;
    }
}
