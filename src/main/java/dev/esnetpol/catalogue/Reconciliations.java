package dev.esnetpol.catalogue;

import java.util.List;

/**
 * The rows of the spec's egress tables that no row of the destination's ingress table admits. The spec
 * documents these connections on the side of the pod that opens them only; es-netpol admits them at the
 * destination too (the union of the two tables wins), and {@code docs/reconciliations.md} lists them.
 */
public final class Reconciliations {

    private Reconciliations() {
    }

    /** Egress rows whose source is not among the origins of any ingress row of the destination on that port. */
    public static List<EgressRow> of(List<IngressRow> ingress, List<EgressRow> egress) {
        return egress.stream().filter(e -> !admitted(e, ingress)).toList();
    }

    private static boolean admitted(EgressRow e, List<IngressRow> ingress) {
        for (IngressRow in : ingress) {
            if (in.component() == e.destination() && in.port() == e.port() && in.protocol().equals(e.protocol())
                    && in.origin().admitsInstancePod(e.component())) {
                return true;
            }
        }
        return false;
    }
}
