package dev.esnetpol.verify;

import dev.esnetpol.analyze.Connections;
import dev.esnetpol.analyze.Explanation;
import dev.esnetpol.generate.Flow;

import java.util.List;
import java.util.Optional;

/**
 * One difference between what the policies allow and what the catalogue documents, as data: its two ends
 * (nodes with their roles), the connections concerned, the documented flow it is about (with the catalogue
 * basis and reason), where it was found, and the sides that decide it (the isolating policies and admitting
 * rules of each). Text comes from one formatter per output ({@link FindingText}, {@link FindingMarkdown},
 * {@link FindingJson}).
 *
 * @param kind        {@code MISSING}: a documented flow is blocked; {@code EXCESS}: a connection is allowed that no
 *                    catalogue row (or es-netpol addition) calls for; {@code CNI_DEPENDENT}: the verdict differs
 *                    between analyzer profiles (see {@code profiles})
 * @param where       which side was checked: the source's egress alone, the destination's ingress alone, or both
 * @param flow        the documented flow (for {@code MISSING}); empty for an undocumented connection
 * @param decisions   the sides that decide the verdict, as the analyzer explains them (policy and rule names)
 * @param profiles    per analyzer profile, whether the connection is allowed; empty while one profile is checked
 */
public record Finding(Kind kind, Where where, End from, End to, Connections connections, Optional<Flow> flow,
                      List<Explanation.Side> decisions, List<ProfileVerdict> profiles) {

    public enum Kind { MISSING, EXCESS, CNI_DEPENDENT }

    public enum Where {
        /** Both sides: the connection must be open from source to destination. */
        END_TO_END,
        /** The source's egress side alone (its destination's admission is not es-netpol's to decide). */
        EGRESS_OF_SOURCE,
        /** The destination's ingress side alone. */
        INGRESS_OF_DESTINATION
    }

    /** The verdict of one analyzer profile (the reference semantics, a CNI's) on this connection. */
    public record ProfileVerdict(String profile, boolean allowed) {
    }

    public Finding {
        decisions = List.copyOf(decisions);
        profiles = List.copyOf(profiles);
    }

    static Finding missing(Where where, End from, End to, Connections lacking, Flow flow, List<Explanation.Side> decisions) {
        return new Finding(Kind.MISSING, where, from, to, lacking, Optional.of(flow), decisions, List.of());
    }

    static Finding excess(Where where, End from, End to, Connections extra, Explanation.Side decision) {
        return new Finding(Kind.EXCESS, where, from, to, extra, Optional.empty(), List.of(decision), List.of());
    }

    /** The same finding for reports that compare runs (what a foreign policy changes): kind, ends and connections. */
    public List<Object> identity() {
        return List.of(kind, from.node(), to.node(), connections);
    }

    /** The catalogue's reason for the flow, and its basis; for an undocumented connection, that it is not in the catalogue. */
    public String reason() {
        if (flow.isPresent()) {
            return flow.get().reason() + "; " + flow.get().basis().description();
        }
        // A peer the user configured is documented where it was configured: say so, rather than that nothing documents it.
        boolean configured = from.role() instanceof Role.GivenPeer || to.role() instanceof Role.GivenPeer;
        return configured ? "configured peer, but not for these ports" : "not in the catalogue";
    }

    /** The finding as verify prints it (see {@link FindingText}). */
    public String text() {
        return FindingText.of(this);
    }
}
