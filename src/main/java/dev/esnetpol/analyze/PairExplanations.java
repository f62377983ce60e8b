package dev.esnetpol.analyze;

import java.util.function.Consumer;

/**
 * Every pair's deciding rules (np-guard netpol-analyzer's {@code list --explain}): for each pair of a
 * {@link Matrix#everyPair(Analyzer) full matrix} in focus, what is allowed and the rules that admit it on each
 * side, and what is denied and why (the isolating policies none of whose rules admit it, on the side that
 * blocks it). With a focus connection, only that connection is explained.
 */
public final class PairExplanations {

    /** What {@code explain-only} keeps: both parts, the allowed part of pairs that allow something, or the denied part of pairs that deny something. */
    public enum Only { BOTH, ALLOW, DENY }

    /**
     * One pair: {@code allowed} and why ({@code allowedBy}, null when nothing is allowed or not asked for), and
     * {@code denied} and why ({@code deniedBy}, likewise).
     */
    public record Pair(String from, String to, Connections allowed, PairReasons allowedBy, Connections denied, PairReasons deniedBy) {
    }

    private PairExplanations() {
    }

    /** Each pair in focus, in the matrix's order, as {@code only} asks. */
    public static void forEach(Analyzer analyzer, Focus focus, Only only, Consumer<Pair> action) {
        Matrix m = Matrix.everyPair(analyzer);
        Connections universe = focus.connection() != null ? focus.connection() : Connections.ALL;
        m.forEach(e -> {
            if (!focus.includes(e.from(), e.to())) {
                return;
            }
            Connections allowed = e.connections().intersect(universe);
            Connections denied = universe.minus(allowed);
            boolean showAllowed = only != Only.DENY && !allowed.isEmpty();
            boolean showDenied = only != Only.ALLOW && !denied.isEmpty();
            if (!showAllowed && !showDenied) {
                return;
            }
            Node from = m.node(e.from());
            Node to = m.node(e.to());
            action.accept(new Pair(e.from(), e.to(),
                    showAllowed ? allowed : Connections.NONE, showAllowed ? PairReasons.of(analyzer, e.from(), from, e.to(), to, allowed) : null,
                    showDenied ? denied : Connections.NONE, showDenied ? PairReasons.of(analyzer, e.from(), from, e.to(), to, denied) : null));
        });
    }
}
