package dev.esnetpol.analyze;

/** The workload a pod belongs to (Deployment, StatefulSet, ..., or the pod itself), for grouping in reports. */
public record Owner(String kind, String name) {

    // equals and hashCode written out: see NamedPort.
    @Override
    public boolean equals(Object o) {
        return o instanceof Owner w && java.util.Objects.equals(kind, w.kind) && java.util.Objects.equals(name, w.name);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hashCode(kind) + java.util.Objects.hashCode(name);
    }

    /**
     * The Deployment that made a pod of a ReplicaSet: the ReplicaSet's name less {@code -} and the pod's
     * {@link dev.esnetpol.catalogue.Labels#POD_TEMPLATE_HASH} (apps/v1 names a Deployment's ReplicaSets so); empty for
     * another owner, or a ReplicaSet's pod without that label (a bare ReplicaSet).
     */
    public static java.util.Optional<String> deploymentOf(Pod p) {
        Owner o = p.owner();
        String hash = p.labels().get(dev.esnetpol.catalogue.Labels.POD_TEMPLATE_HASH);
        if ("ReplicaSet".equals(o.kind()) && hash != null && o.name().endsWith("-" + hash)) {
            return java.util.Optional.of(o.name().substring(0, o.name().length() - hash.length() - 1));
        }
        return java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return name + "[" + kind + "]";
    }
}
