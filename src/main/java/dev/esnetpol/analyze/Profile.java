package dev.esnetpol.analyze;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a network plugin reads the points the NetworkPolicy API leaves open. Each difference is one switch
 * here, and nowhere else; docs/analyzer-semantics.md lists each with its source.
 *
 * <ul>
 * <li>{@code ipBlocksMatchPods}: an {@code ipBlock} peer matches a pod whose address (status.podIPs; the
 *     node's status.hostIP for a host-network pod) it contains, {@code except} included. Kubernetes e2e
 *     ("should allow egress access to server in CIDR block", "should enforce except clause while egress
 *     access to server in CIDR block", "should ensure an IP overlapping both IPBlock.CIDR and IPBlock.Except
 *     is allowed") and Cyclonus ("Policy allowing egress to ips") expect it; Calico, Antrea, OVN-Kubernetes,
 *     kube-router do it. Cilium's CIDR rules describe "remote peers that are not endpoints"
 *     (docs.cilium.io, Layer 3 policies) and np-guard matches ipBlocks against external addresses only.</li>
 * <li>{@code hostNetworkPodsArePolicyEndpoints}: a host-network pod is selected by policies and matched by
 *     pod and namespace selectors like any pod. Cilium gives it the node's identity ({@code host} /
 *     {@code remote-node} entities), which no NetworkPolicy selects, and by default ({@code
 *     policy-cidr-match-mode} unset, cilium/cilium#28421) no CIDR rule matches a node address either.</li>
 * <li>{@code stoppedPodsAreEndpoints}: a pod that is not running (status.phase Succeeded or Failed, or a status
 *     without an address) is still analysed. np-guard does (its minikube_resources case lists the finished
 *     admission Jobs); a network plugin has no endpoint for such a pod.</li>
 * <li>{@code otherProtocolsDistinct}: a rule with a {@code ports} list admits no protocol beyond TCP, UDP
 *     and SCTP (NetworkPolicyPort.protocol allows only those three), so a list naming every port of the
 *     three is not "All Connections": ICMP still does not pass. np-guard models only the three protocols and
 *     prints such a set as "All Connections" (its expected output for the multiple_topology_resources cases).</li>
 * </ul>
 */
public enum Profile {

    /** What upstream Kubernetes e2e tests and Cyclonus expect. The default. */
    REFERENCE("reference", true, true, false, true),
    /** Cilium: CIDR rules never select pods or nodes; host-network pods are outside policy. */
    CILIUM("cilium", false, false, false, true),
    /** np-guard netpol-analyzer: ipBlocks match external addresses only; every pod in the input is analysed. */
    NP_GUARD("np-guard", false, true, true, false),
    /**
     * OVN-Kubernetes as OpenShift 4 runs it (the default under {@code --platform openshift}): host-network pods are
     * selected by no policy, and their traffic is matched as traffic of the {@code openshift-host-network}
     * namespace, by namespace selectors alone, which OpenShift labels with the policy-group labels.
     */
    OVN_KUBERNETES("ovn-kubernetes", true, true, false, true, "openshift-host-network");

    /**
     * The namespace whose address set OVN-Kubernetes fills with the nodes' addresses on OpenShift (its
     * {@code host-network-namespace} setting), so that a namespace selector selecting it admits host-network traffic.
     */
    public static final String OPENSHIFT_HOST_NETWORK_NAMESPACE = OVN_KUBERNETES.hostNetworkNamespace;

    /**
     * The labels OpenShift puts on {@code openshift-host-network}, used when the inputs hold no Namespace
     * of that name: the policy groups of host-network and router (ingress controller) traffic, 4.14 and later, and
     * the label earlier releases use for the router ("About network policy": "Only allow connections from the
     * OpenShift Container Platform Ingress Controller").
     */
    public static final java.util.Map<String, String> OPENSHIFT_HOST_NETWORK_LABELS = java.util.Map.of(
            "kubernetes.io/metadata.name", OPENSHIFT_HOST_NETWORK_NAMESPACE,
            "policy-group.network.openshift.io/host-network", "",
            "policy-group.network.openshift.io/ingress", "",
            "network.openshift.io/policy-group", "ingress");

    private final String id;
    private final boolean ipBlocksMatchPods;
    private final boolean hostNetworkPodsArePolicyEndpoints;
    private final boolean stoppedPodsAreEndpoints;
    private final boolean otherProtocolsDistinct;
    private final String hostNetworkNamespace;

    Profile(String id, boolean ipBlocksMatchPods, boolean hostNetworkPodsArePolicyEndpoints, boolean stoppedPodsAreEndpoints,
            boolean otherProtocolsDistinct) {
        this(id, ipBlocksMatchPods, hostNetworkPodsArePolicyEndpoints, stoppedPodsAreEndpoints, otherProtocolsDistinct, null);
    }

    Profile(String id, boolean ipBlocksMatchPods, boolean hostNetworkPodsArePolicyEndpoints, boolean stoppedPodsAreEndpoints,
            boolean otherProtocolsDistinct, String hostNetworkNamespace) {
        this.hostNetworkNamespace = hostNetworkNamespace;
        this.otherProtocolsDistinct = otherProtocolsDistinct;
        this.id = id;
        this.ipBlocksMatchPods = ipBlocksMatchPods;
        this.hostNetworkPodsArePolicyEndpoints = hostNetworkPodsArePolicyEndpoints;
        this.stoppedPodsAreEndpoints = stoppedPodsAreEndpoints;
    }

    /** Its command-line name: {@code reference}, {@code cilium}, {@code np-guard}, {@code ovn-kubernetes}. */
    public String id() {
        return id;
    }

    public boolean ipBlocksMatchPods() {
        return ipBlocksMatchPods;
    }

    public boolean hostNetworkPodsArePolicyEndpoints() {
        return hostNetworkPodsArePolicyEndpoints;
    }

    /**
     * The namespace host-network traffic is matched as, or null where host-network pods are matched as pods of their
     * own namespace (or not at all): {@code hostNetworkAsNamespace}. Under it a host-network pod is selected by no
     * policy ("Pods with host networking enabled are unaffected by network policy rules", OpenShift "About network
     * policy"), a peer matches it when the peer has a namespace selector, no pod selector (or an empty one), and the
     * selector selects this namespace; ipBlocks see its node address.
     */
    public String hostNetworkNamespace() {
        return hostNetworkNamespace;
    }

    public boolean stoppedPodsAreEndpoints() {
        return stoppedPodsAreEndpoints;
    }

    public boolean otherProtocolsDistinct() {
        return otherProtocolsDistinct;
    }

    /** A result as this profile states it (see {@code otherProtocolsDistinct}). */
    public Connections state(Connections c) {
        return otherProtocolsDistinct ? c : c.onlyTcpUdpSctp();
    }

    /** The profile of that name ({@code np-guard}, {@code NP_GUARD} and {@code npguard} alike). */
    public static Profile parse(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("_", "-");
        for (Profile p : values()) {
            if (p.id.equals(n) || p.id.replace("-", "").equals(n)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + name + "' (" + String.join(", ", ids()) + ")");
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Profile::id).toList();
    }

    @Override
    public String toString() {
        return id;
    }
}
