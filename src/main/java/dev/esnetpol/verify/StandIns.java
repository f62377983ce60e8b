package dev.esnetpol.verify;

import dev.esnetpol.analyze.Namespace;
import dev.esnetpol.analyze.Node;
import dev.esnetpol.analyze.Pod;
import dev.esnetpol.catalogue.Component;
import dev.esnetpol.catalogue.Labels;

import java.util.List;
import java.util.Map;

/**
 * The stand-ins verify adds to the cluster of one namespace to ask "who may connect": the cluster operator in
 * a namespace of its own, a look-alike of it elsewhere, an unrelated pod in another namespace and one in the
 * instance's namespace, the cluster DNS, and an address outside the cluster. None of them is selected by
 * es-netpol's policies. Each comes with its {@link Role}: reports go by that, not by these names.
 */
public record StandIns(End operator, End otherNamespace, End sameNamespace, End dns, End outside, End operatorLookalike,
                       List<Namespace> namespaces) {

    static final String OPERATOR_NAMESPACE = "es-netpol-probe-operator";
    static final String ELSEWHERE_NAMESPACE = "es-netpol-probe-elsewhere";
    /**
     * The label value of stand-ins made up by verify: of the unrelated pods' {@code app}, and of a label a selector
     * only requires to exist ({@code Exists}) on a pod or namespace made for that selector.
     */
    static final String PROBE_LABEL_VALUE = "es-netpol-probe";
    /** TEST-NET-3 (RFC 5737): an address that is outside every cluster. */
    public static final String OUTSIDE_ADDRESS = "203.0.113.10";

    static StandIns of(String instanceNamespace, Map<String, String> operatorNamespaceLabels) {
        // Narrowed to a namespace by name (kubernetes.io/metadata.name), the operator must live in that one.
        String operatorNamespace = operatorNamespaceLabels.getOrDefault(Namespace.NAME_LABEL, OPERATOR_NAMESPACE);
        Map<String, String> operatorLabels = Map.of(Labels.NAME, Component.CLUSTER_OPERATOR.appName());
        Map<String, String> unrelated = Map.of("app", PROBE_LABEL_VALUE);
        return new StandIns(
                pod(operatorNamespace, "probe-cluster-operator", operatorLabels, new Role.ClusterOperator(true)),
                pod(ELSEWHERE_NAMESPACE, "probe-elsewhere", unrelated, new Role.OtherNamespace()),
                pod(instanceNamespace, "probe-neighbour", unrelated, new Role.SameNamespace()),
                pod("kube-system", "probe-dns", Map.of("k8s-app", "kube-dns"), new Role.ClusterDns()),
                new End(Node.ExternalNode.parse(OUTSIDE_ADDRESS), Role.Outside.standIn()),
                // Labelled as the operator but in a namespace without the operator's namespace labels: a policy that
                // admits it when --operator-namespace-labels narrows the operator's namespaces is too wide.
                pod(ELSEWHERE_NAMESPACE, "probe-operator-lookalike", operatorLabels, new Role.OperatorLookalike()),
                List.of(new Namespace(operatorNamespace, operatorNamespaceLabels), Namespace.named(ELSEWHERE_NAMESPACE),
                        Namespace.named("kube-system")));
    }

    private static End pod(String namespace, String name, Map<String, String> labels, Role role) {
        return new End(Node.of(PodNetwork.pod(namespace, name, labels)), role);
    }

    /** The stand-ins that are pods. */
    List<End> pods() {
        return List.of(operator, otherNamespace, sameNamespace, dns, operatorLookalike);
    }

    /** Sources and destinations that stand for "anywhere". */
    List<End> anywhere() {
        return List.of(otherNamespace, sameNamespace, outside);
    }
}
