package dev.esnetpol.generate;

/**
 * A connection the installation needs: {@code from} opens {@code protocol}/{@code port} (null = every
 * port) to {@code to}. {@code ingress} says the destination's policy must admit it, {@code egress} that
 * the source's policy must let it out; a flow from outside the instance (a client, the cluster operator)
 * has no egress side of ours, and a flow es-netpol only lets out (DNS, the API server, external targets,
 * a listener seen from Kafka Connect) has no ingress side of ours. {@code basis} says where the flow comes from.
 */
public record Flow(Endpoint from, Endpoint to, Integer port, String protocol, String reason, Basis basis,
                   boolean ingress, boolean egress) {

    /** Why a flow exists: a table of the spec, the reconciliation of the two tables, or es-netpol's own addition. */
    public enum Basis {
        /** A row of a spec ingress table. */
        SPEC_INGRESS("spec ingress table"),
        /** A row of a spec egress table that its destination's ingress table also admits. */
        SPEC_BOTH("spec ingress and egress tables"),
        /** A row of a spec egress table that no ingress row admits: admitted too (the union wins). */
        RECONCILED("spec egress table, admitted by reconciliation"),
        /** An ingress row between the instance's own pods, let out of the pod that opens it. */
        HARDENING("spec ingress table, let out of the source for default-deny namespaces"),
        /** Needed for the installation to work, not in the spec (DNS, API server, listeners, external). */
        SUPPLEMENT("es-netpol addition");

        private final String description;

        Basis(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public String portText() {
        return (port == null ? "all" : String.valueOf(port)) + "/" + protocol;
    }

    @Override
    public String toString() {
        return from + " -> " + to + " " + portText() + " (" + reason + ")";
    }
}
