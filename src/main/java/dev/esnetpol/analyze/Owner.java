package dev.esnetpol.analyze;

/** The workload a pod belongs to (Deployment, StatefulSet, ..., or the pod itself), for grouping in reports. */
public record Owner(String kind, String name) {

    @Override
    public String toString() {
        return name + "[" + kind + "]";
    }
}
