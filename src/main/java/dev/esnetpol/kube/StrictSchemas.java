package dev.esnetpol.kube;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The shapes {@link StrictFields} reads objects against, as the Kubernetes API defines them (field names and
 * value types): all of a NetworkPolicy, the metadata of every object, and of a pod the fields the analysis
 * reads (its network mode, its containers' ports, its status addresses and phase).
 */
final class StrictSchemas {

    private StrictSchemas() {
    }

    sealed interface Type permits Scalar, ListOf, Labels, StringMap, Fields, Open, Any {
    }

    enum Scalar implements Type { STRING, INT, BOOL, INT_OR_STRING }

    record ListOf(Type item) implements Type {
    }

    /** Label keys and values, checked with the API server's rules; {@code selector} for matchLabels. */
    record Labels() implements Type {
    }

    /** A map of strings (annotations). */
    record StringMap() implements Type {
    }

    record Fields(Map<String, Type> fields) implements Type {
    }

    /**
     * An object of which es-netpol reads some fields ({@code read}, checked by type). Another field is refused
     * only when it looks like a misspelling of one of them ({@link Suggestions#closest}) and is not a field
     * Kubernetes has near one ({@code alsoKnown}): the rest is left to the API server, so that a field a later
     * Kubernetes adds passes while {@code prots} for {@code ports} does not.
     */
    record Open(Map<String, Type> read, Set<String> alsoKnown, Map<String, Boolean> resemblance) implements Type {

        /**
         * Whether {@code field} (not read, not known) is close to a field that is read. Remembered per field
         * name: every pod of a cluster repeats the same few dozen names, and the edit distances were 5 % of a
         * 100-pod run.
         */
        boolean resemblesRead(String field) {
            return resemblance.computeIfAbsent(field, f -> !Suggestions.closest(f, read.keySet()).isEmpty());
        }
    }

    record Any() implements Type {
    }

    static final Type ANY = new Any();

    static Open open(Set<String> alsoKnown, Object... nameTypePairs) {
        return new Open(fields(nameTypePairs).fields(), alsoKnown, new java.util.concurrent.ConcurrentHashMap<>());
    }

    static Fields fields(Object... nameTypePairs) {
        Map<String, Type> m = new LinkedHashMap<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            m.put((String) nameTypePairs[i], (Type) nameTypePairs[i + 1]);
        }
        return new Fields(m);
    }

    /** {@code OwnerReference}: the controlling owner is the workload a pod is shown as. */
    static final Open OWNER_REFERENCE = open(Set.of("apiVersion", "uid", "blockOwnerDeletion"),
            "kind", Scalar.STRING, "name", Scalar.STRING, "controller", Scalar.BOOL);

    static final Fields OBJECT_META = fields(
            "name", Scalar.STRING, "generateName", Scalar.STRING, "namespace", Scalar.STRING, "selfLink", Scalar.STRING,
            "uid", Scalar.STRING, "resourceVersion", Scalar.STRING, "generation", Scalar.INT,
            "creationTimestamp", ANY, "deletionTimestamp", ANY, "deletionGracePeriodSeconds", Scalar.INT,
            "labels", new Labels(), "annotations", new StringMap(), "ownerReferences", new ListOf(OWNER_REFERENCE),
            "finalizers", new ListOf(Scalar.STRING),
            "managedFields", ANY);

    static final Fields SELECTOR = fields(
            "matchLabels", new Labels(),
            "matchExpressions", new ListOf(fields("key", Scalar.STRING, "operator", Scalar.STRING, "values", new ListOf(Scalar.STRING))));

    static final Fields PEER = fields(
            "podSelector", SELECTOR, "namespaceSelector", SELECTOR,
            "ipBlock", fields("cidr", Scalar.STRING, "except", new ListOf(Scalar.STRING)));

    static final Fields PORT = fields("protocol", Scalar.STRING, "port", Scalar.INT_OR_STRING, "endPort", Scalar.INT);

    static final Fields NETWORK_POLICY = fields(
            "apiVersion", Scalar.STRING, "kind", Scalar.STRING, "metadata", OBJECT_META,
            "spec", fields(
                    "podSelector", SELECTOR,
                    "policyTypes", new ListOf(Scalar.STRING),
                    "ingress", new ListOf(fields("from", new ListOf(PEER), "ports", new ListOf(PORT))),
                    "egress", new ListOf(fields("to", new ListOf(PEER), "ports", new ListOf(PORT)))),
            "status", ANY);

    /** network-policy-api's {@code NamespacedPod}: both selectors are values (null reads as {@code {}}). */
    static final Fields NAMESPACED_POD = fields("namespaceSelector", SELECTOR, "podSelector", SELECTOR);

    static final Fields CLUSTER_SUBJECT = fields("namespaces", SELECTOR, "pods", NAMESPACED_POD);

    static final Fields CLUSTER_INGRESS_PEER = fields("namespaces", SELECTOR, "pods", NAMESPACED_POD);

    /** v1alpha1 BaselineAdminNetworkPolicy egress peer: no domainNames. */
    static final Fields BASELINE_EGRESS_PEER = fields("namespaces", SELECTOR, "pods", NAMESPACED_POD, "nodes", SELECTOR,
            "networks", new ListOf(Scalar.STRING));

    static final Fields CLUSTER_EGRESS_PEER = fields("namespaces", SELECTOR, "pods", NAMESPACED_POD, "nodes", SELECTOR,
            "networks", new ListOf(Scalar.STRING), "domainNames", new ListOf(Scalar.STRING));

    /** v1alpha1 {@code AdminNetworkPolicyPort}: exactly one of the three (checked by the reader). */
    static final Fields ADMIN_PORT = fields(
            "portNumber", fields("protocol", Scalar.STRING, "port", Scalar.INT),
            "namedPort", Scalar.STRING,
            "portRange", fields("protocol", Scalar.STRING, "start", Scalar.INT, "end", Scalar.INT));

    private static final Fields DESTINATION_PORT = fields("destinationPort",
            fields("number", Scalar.INT, "range", fields("start", Scalar.INT, "end", Scalar.INT)));

    /** v1alpha2 {@code ClusterNetworkPolicyProtocol}. */
    static final Fields CLUSTER_PROTOCOL = fields("tcp", DESTINATION_PORT, "udp", DESTINATION_PORT, "sctp", DESTINATION_PORT,
            "destinationNamedPort", Scalar.STRING);

    private static Fields clusterPolicy(Fields spec) {
        return fields("apiVersion", Scalar.STRING, "kind", Scalar.STRING, "metadata", OBJECT_META, "spec", spec, "status", ANY);
    }

    private static Fields rules(String peers, Type peer, String ports, Type port) {
        return fields("name", Scalar.STRING, "action", Scalar.STRING, peers, new ListOf(peer), ports, new ListOf(port));
    }

    static final Fields ADMIN_NETWORK_POLICY = clusterPolicy(fields("priority", Scalar.INT, "subject", CLUSTER_SUBJECT,
            "ingress", new ListOf(rules("from", CLUSTER_INGRESS_PEER, "ports", ADMIN_PORT)),
            "egress", new ListOf(rules("to", CLUSTER_EGRESS_PEER, "ports", ADMIN_PORT))));

    static final Fields BASELINE_ADMIN_NETWORK_POLICY = clusterPolicy(fields("subject", CLUSTER_SUBJECT,
            "ingress", new ListOf(rules("from", CLUSTER_INGRESS_PEER, "ports", ADMIN_PORT)),
            "egress", new ListOf(rules("to", BASELINE_EGRESS_PEER, "ports", ADMIN_PORT))));

    static final Fields CLUSTER_NETWORK_POLICY = clusterPolicy(fields("tier", Scalar.STRING, "priority", Scalar.INT,
            "subject", CLUSTER_SUBJECT,
            "ingress", new ListOf(rules("from", CLUSTER_INGRESS_PEER, "protocols", CLUSTER_PROTOCOL)),
            "egress", new ListOf(rules("to", CLUSTER_EGRESS_PEER, "protocols", CLUSTER_PROTOCOL))));

    /** {@code ContainerPort}: a named port is what a policy's named port resolves to. */
    static final Open CONTAINER_PORT = open(Set.of("hostPort", "hostIP"),
            "name", Scalar.STRING, "containerPort", Scalar.INT, "protocol", Scalar.STRING);

    /** {@code Container}: its ports, and whether an init container keeps running (a sidecar, which serves them). */
    static final Open CONTAINER = open(Set.of("restartPolicyRules", "resizePolicy"),
            "name", Scalar.STRING, "ports", new ListOf(CONTAINER_PORT), "restartPolicy", Scalar.STRING);

    /** {@code PodSpec}: the network mode and the containers' ports. */
    static final Open POD_SPEC = open(Set.of("ephemeralContainers"),
            "hostNetwork", Scalar.BOOL, "containers", new ListOf(CONTAINER), "initContainers", new ListOf(CONTAINER));

    /** {@code PodStatus}: the addresses and the phase that make a pod an endpoint. */
    static final Open POD_STATUS = open(Set.of("hostIPs"),
            "podIP", Scalar.STRING, "podIPs", new ListOf(open(Set.of(), "ip", Scalar.STRING)), "hostIP", Scalar.STRING,
            "phase", Scalar.STRING);

    static final Fields TEMPLATE = fields("metadata", OBJECT_META, "spec", POD_SPEC);

    static final Fields POD = fields("apiVersion", Scalar.STRING, "kind", Scalar.STRING, "metadata", OBJECT_META,
            "spec", POD_SPEC, "status", POD_STATUS);

    /**
     * {@code route.openshift.io/v1} Route, every field of its spec (OpenShift API reference, "Route
     * [route.openshift.io/v1]": host, subdomain, path, to, alternateBackends, port, tls, wildcardPolicy,
     * httpHeaders): the router's backend is read from {@code spec.to} and {@code spec.port.targetPort}, so a
     * misspelling there would silently expose nothing.
     */
    static final Fields ROUTE_BACKEND = fields("kind", Scalar.STRING, "name", Scalar.STRING, "weight", Scalar.INT);

    static final Fields ROUTE = fields("apiVersion", Scalar.STRING, "kind", Scalar.STRING, "metadata", OBJECT_META,
            "spec", fields("host", Scalar.STRING, "subdomain", Scalar.STRING, "path", Scalar.STRING, "to", ROUTE_BACKEND,
                    "alternateBackends", new ListOf(ROUTE_BACKEND), "port", fields("targetPort", Scalar.INT_OR_STRING),
                    "tls", fields("termination", Scalar.STRING, "certificate", Scalar.STRING, "key", Scalar.STRING,
                            "caCertificate", Scalar.STRING, "destinationCACertificate", Scalar.STRING,
                            "insecureEdgeTerminationPolicy", Scalar.STRING, "externalCertificate", fields("name", Scalar.STRING)),
                    "wildcardPolicy", Scalar.STRING, "httpHeaders", ANY),
            "status", ANY);

    /** {@code IngressServiceBackend}: a Service and its port, by number or by the Service port's name. */
    static final Fields INGRESS_BACKEND = fields(
            "service", fields("name", Scalar.STRING, "port", fields("name", Scalar.STRING, "number", Scalar.INT)),
            "resource", ANY);

    /** {@code networking.k8s.io/v1} Ingress, every field of its spec (Kubernetes API reference, IngressSpec). */
    static final Fields INGRESS = fields("apiVersion", Scalar.STRING, "kind", Scalar.STRING, "metadata", OBJECT_META,
            "spec", fields("ingressClassName", Scalar.STRING, "defaultBackend", INGRESS_BACKEND,
                    "tls", new ListOf(fields("hosts", new ListOf(Scalar.STRING), "secretName", Scalar.STRING)),
                    "rules", new ListOf(fields("host", Scalar.STRING, "http", fields("paths", new ListOf(
                            fields("path", Scalar.STRING, "pathType", Scalar.STRING, "backend", INGRESS_BACKEND)))))),
            "status", ANY);

    /** {@code ServicePort}: which pod port a Route's or Ingress's port reaches. */
    static final Open SERVICE_PORT = open(Set.of("nodePort", "appProtocol"),
            "name", Scalar.STRING, "port", Scalar.INT, "targetPort", Scalar.INT_OR_STRING, "protocol", Scalar.STRING);

    /** {@code ServiceSpec}: the selector and ports a Route or Ingress reaches pods through; the rest is the API server's. */
    static final Open SERVICE_SPEC = open(Set.of("type", "clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy", "sessionAffinity",
                    "internalTrafficPolicy", "externalTrafficPolicy", "externalName", "externalIPs", "publishNotReadyAddresses"),
            "selector", new StringMap(), "ports", new ListOf(SERVICE_PORT));

    static final Fields SERVICE = fields("apiVersion", Scalar.STRING, "kind", Scalar.STRING, "metadata", OBJECT_META,
            "spec", SERVICE_SPEC, "status", ANY);

    static final Fields NAMESPACE = fields("apiVersion", Scalar.STRING, "kind", Scalar.STRING, "metadata", OBJECT_META,
            "spec", ANY, "status", ANY);
}
