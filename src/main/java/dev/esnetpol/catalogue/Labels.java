package dev.esnetpol.catalogue;

/** Label and annotation keys of conventions.md. Written here once, used everywhere. */
public final class Labels {
    public static final String NAME = "app.kubernetes.io/name";
    public static final String INSTANCE = "app.kubernetes.io/instance";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String CLUSTER = "eventstreams.ibm.com/cluster";
    public static final String MANAGED_BY_VALUE = "es-netpol";
    /** Set by Kubernetes on every namespace since 1.21; lets a policy name a namespace. */
    public static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";

    private Labels() {
    }
}
