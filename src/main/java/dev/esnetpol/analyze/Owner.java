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

    @Override
    public String toString() {
        return name + "[" + kind + "]";
    }
}
