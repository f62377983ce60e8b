package dev.esnetpol.verify;

import dev.esnetpol.analyze.Namespace;
import dev.esnetpol.analyze.Node;
import dev.esnetpol.analyze.Pod;
import dev.esnetpol.catalogue.Component;
import dev.esnetpol.catalogue.Labels;

import java.util.List;
import java.util.Map;

/**
 * The stand-ins verify adds to the cluster to ask "who may connect": the cluster operator in a namespace of
 * its own, an unrelated pod in another namespace and one in the instance's namespace, the cluster DNS, and
 * an address outside the cluster. None of them is selected by es-netpol's policies.
 */
public record Probes(Pod operator, Pod elsewhere, Pod neighbour, Pod dns, Node.ExternalNode outside, List<Namespace> namespaces,
              Pod operatorLookalike) {

    static final String OPERATOR_NAMESPACE = "es-netpol-probe-operator";
    static final String ELSEWHERE_NAMESPACE = "es-netpol-probe-elsewhere";
    /** TEST-NET-3 (RFC 5737): an address that is outside every cluster. */
    public static final String OUTSIDE_ADDRESS = "203.0.113.10";
    /** The stand-ins' pod names, by which reports tell them apart. */
    public static final String OPERATOR_POD = "probe-cluster-operator";
    public static final String ELSEWHERE_POD = "probe-elsewhere";
    public static final String NEIGHBOUR_POD = "probe-neighbour";
    public static final String DNS_POD = "probe-dns";

    static Probes of(String instanceNamespace, Map<String, String> operatorNamespaceLabels) {
        // Narrowed to a namespace by name (kubernetes.io/metadata.name), the operator must live in that one.
        String operatorNamespace = operatorNamespaceLabels.getOrDefault(Namespace.NAME_LABEL, OPERATOR_NAMESPACE);
        Pod operator = Pod.of(operatorNamespace, OPERATOR_POD, Map.of(Labels.NAME, Component.CLUSTER_OPERATOR.appName()));
        Pod elsewhere = Pod.of(ELSEWHERE_NAMESPACE, ELSEWHERE_POD, Map.of("app", "es-netpol-probe"));
        Pod neighbour = Pod.of(instanceNamespace, NEIGHBOUR_POD, Map.of("app", "es-netpol-probe"));
        Pod dns = Pod.of("kube-system", DNS_POD, Map.of("k8s-app", "kube-dns"));
        // Labelled as the operator but in a namespace without the operator's namespace labels: a policy that
        // admits it when --operator-namespace-labels narrows the operator's namespaces is too wide.
        Pod lookalike = Pod.of(ELSEWHERE_NAMESPACE, "probe-operator-lookalike", Map.of(Labels.NAME, Component.CLUSTER_OPERATOR.appName()));
        return new Probes(operator, elsewhere, neighbour, dns, Node.ExternalNode.parse(OUTSIDE_ADDRESS),
                List.of(new Namespace(operatorNamespace, operatorNamespaceLabels), Namespace.named(ELSEWHERE_NAMESPACE),
                        Namespace.named("kube-system")), lookalike);
    }

    List<Pod> pods() {
        return List.of(operator, elsewhere, neighbour, dns, operatorLookalike);
    }

    /** Sources and destinations that stand for "anywhere". */
    List<Node> anywhere() {
        return List.of(Node.of(elsewhere), Node.of(neighbour), outside);
    }
}
