package dev.esnetpol.catalogue;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The platform an installation runs on, and every fact es-netpol writes differently because of it. Each
 * fact is one method here, read by the generator, verify and the CLI; nothing else asks which platform it is.
 *
 * <p>OpenShift facts and their sources (Red Hat, OpenShift Container Platform documentation):
 * <ul>
 * <li>DNS: the DNS Operator runs CoreDNS as the {@code dns-default} daemon set in {@code openshift-dns}; its
 *     pods serve on 5353 behind the service's 53 ("DNS Operator in OpenShift Container Platform"), and a
 *     NetworkPolicy sees the port after the service's translation, so both are opened.</li>
 * <li>Router: "Only allow connections from the OpenShift Container Platform Ingress Controller" (Networking,
 *     "About network policy", 4.x) admits the namespaces labelled {@code policy-group.network.openshift.io/ingress: ""}
 *     (current releases, 4.16 "About network policy"; earlier releases {@code network.openshift.io/policy-group: ingress}, which later releases
 *     still set on {@code openshift-ingress}). Both are written, so one policy works across releases.</li>
 * <li>Monitoring: the platform Prometheus runs in {@code openshift-monitoring}, the one for user workloads in
 *     {@code openshift-user-workload-monitoring} (Monitoring, "About OpenShift Container Platform monitoring").</li>
 * </ul>
 */
public enum Platform {

    /** Upstream Kubernetes: the default wherever the inputs say nothing else. */
    KUBERNETES("kubernetes", List.of(Catalogue.DNS_PORT), List.of(), List.of(), "reference"),
    /** Red Hat OpenShift Container Platform 4 with OVN-Kubernetes. */
    OPENSHIFT("openshift", List.of(Catalogue.DNS_PORT, OpenShift.DNS_POD_PORT), OpenShift.routerPeers(),
            OpenShift.monitoringPeers(), "ovn-kubernetes");

    /** On each rendered policy: the platform it was written for, and why that platform. */
    public static final String ANNOTATION = "es-netpol/platform";
    public static final String REASON_ANNOTATION = "es-netpol/platform-reason";

    private final String id;
    private final List<Integer> dnsPorts;
    private final List<NetworkPolicyPeer> routerPeers;
    private final List<NetworkPolicyPeer> monitoringPeers;
    private final String analyzerProfile;

    Platform(String id, List<Integer> dnsPorts, List<NetworkPolicyPeer> routerPeers, List<NetworkPolicyPeer> monitoringPeers,
             String analyzerProfile) {
        this.id = id;
        this.dnsPorts = dnsPorts;
        this.routerPeers = routerPeers;
        this.monitoringPeers = monitoringPeers;
        this.analyzerProfile = analyzerProfile;
    }

    /** Its command-line and annotation name. */
    public String id() {
        return id;
    }

    /** The cluster DNS's ports as a NetworkPolicy sees them (after the service's translation), UDP and TCP. */
    public List<Integer> dnsPorts() {
        return dnsPorts;
    }

    /**
     * The peers that stand for the platform's router or ingress controller, for a route listener whose peers are
     * narrowed; empty where the platform has none es-netpol can name (an upstream ingress controller runs
     * wherever its installer put it).
     */
    public List<NetworkPolicyPeer> routerPeers() {
        return routerPeers;
    }

    /** The {@code --metrics-from} preset of the platform's Prometheus instances (empty: none known). */
    public List<NetworkPolicyPeer> monitoringPeers() {
        return monitoringPeers;
    }

    /** The name of the analyzer profile that reads policies as the platform's default network plugin does. */
    public String analyzerProfile() {
        return analyzerProfile;
    }

    /** The platform of that name. */
    public static Platform parse(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Platform p : values()) {
            if (p.id.equals(n)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown platform '" + name + "' (" + String.join(", ", ids()) + ")");
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Platform::id).toList();
    }

    @Override
    public String toString() {
        return id;
    }

    /** OpenShift's names: labels, namespaces and ports its operators set (sources in {@link Platform}). */
    public static final class OpenShift {
        /** The port CoreDNS pods of {@code dns-default} serve on, behind the service's 53. */
        public static final int DNS_POD_PORT = 5353;
        /** The namespace label selecting router (ingress controller) traffic, current releases. */
        public static final String INGRESS_POLICY_GROUP = "policy-group.network.openshift.io/ingress";
        /** The namespace label selecting host-network traffic, current releases. */
        public static final String HOST_NETWORK_POLICY_GROUP = "policy-group.network.openshift.io/host-network";
        /** The label earlier releases put on openshift-ingress and openshift-monitoring (values ingress, monitoring). */
        public static final String LEGACY_POLICY_GROUP = "network.openshift.io/policy-group";
        public static final String ROUTER_NAMESPACE = "openshift-ingress";
        /** The label OpenShift's DeploymentConfig controller (apps.openshift.io/v1) puts on its ReplicationControllers' pods. */
        public static final String DEPLOYMENT_CONFIG_LABEL = "deploymentconfig";
        /** The label the ingress operator puts on the default router's pods ({@code router-default-...}). */
        public static final String ROUTER_POD_LABEL = "ingresscontroller.operator.openshift.io/deployment-ingresscontroller";
        public static final String DNS_NAMESPACE = "openshift-dns";
        public static final String MONITORING_NAMESPACE = "openshift-monitoring";
        public static final String USER_WORKLOAD_MONITORING_NAMESPACE = "openshift-user-workload-monitoring";
        /** API groups whose presence (in the inputs or served by a cluster) says OpenShift. */
        public static final List<String> API_GROUPS = List.of("route.openshift.io", "config.openshift.io");

        private OpenShift() {
        }

        static List<NetworkPolicyPeer> routerPeers() {
            return List.of(namespaceWith(INGRESS_POLICY_GROUP, ""), namespaceWith(LEGACY_POLICY_GROUP, "ingress"));
        }

        static List<NetworkPolicyPeer> monitoringPeers() {
            return List.of(namespaceWith(Labels.NAMESPACE_NAME, MONITORING_NAMESPACE),
                    namespaceWith(Labels.NAMESPACE_NAME, USER_WORKLOAD_MONITORING_NAMESPACE));
        }

        private static NetworkPolicyPeer namespaceWith(String key, String value) {
            return new NetworkPolicyPeerBuilder()
                    .withNamespaceSelector(new LabelSelectorBuilder().withMatchLabels(Map.of(key, value)).build())
                    .build();
        }
    }
}
