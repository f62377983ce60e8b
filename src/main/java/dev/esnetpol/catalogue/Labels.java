package dev.esnetpol.catalogue;

/** Label and annotation keys of conventions.md. Written here once, used everywhere. */
public final class Labels {
    public static final String NAME = "app.kubernetes.io/name";
    public static final String INSTANCE = "app.kubernetes.io/instance";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String CLUSTER = "eventstreams.ibm.com/cluster";
    public static final String MANAGED_BY_VALUE = "es-netpol";
    /** KRaft node pods (kraft.md): {@code "true"} on pods whose node pool has the broker role. */
    public static final String BROKER_ROLE = "eventstreams.ibm.com/broker-role";
    /** KRaft node pods (kraft.md): {@code "true"} on pods whose node pool has the controller role. */
    public static final String CONTROLLER_ROLE = "eventstreams.ibm.com/controller-role";
    /** Node pool pods (kraft.md): the name of their pool in {@code spec.strimziOverrides.nodePools}. */
    public static final String POOL_NAME = "eventstreams.ibm.com/pool-name";
    /** The 11.5-11.7 Technology Preview switch on an EventStreams resource (kraft.md): {@code enabled} means KRaft. */
    public static final String KRAFT_ANNOTATION = "eventstreams.ibm.com/kraft";
    /** On each rendered policy: the documented table set it was written from, and why that set. */
    public static final String TABLE_SET_ANNOTATION = "es-netpol/tables";
    public static final String TABLE_SET_REASON_ANNOTATION = "es-netpol/tables-reason";
    /** Set by Kubernetes on every namespace since 1.21; lets a policy name a namespace. */
    public static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";
    /**
     * Set by the Deployment controller (apps/v1) on a ReplicaSet's pods; the ReplicaSet is named
     * {@code <deployment>-<this value>}.
     */
    public static final String POD_TEMPLATE_HASH = "pod-template-hash";

    private Labels() {
    }
}
