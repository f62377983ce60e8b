package dev.esnetpol.review;

import dev.esnetpol.catalogue.Component;
import dev.esnetpol.catalogue.Labels;
import dev.esnetpol.analyze.Pod;
import dev.esnetpol.verify.Probes;

import java.util.Map;

/** How the report names the ends verify connects: components by name, stand-ins by what they stand for. */
final class PeerNames {

    private PeerNames() {
    }

    /** The name of the group a node belongs to: verify's second replica ({@code -1}) counts as its first. */
    static String canonical(String node, Map<String, Pod> ours) {
        if (node.endsWith("-1")) {
            String first = node.substring(0, node.length() - 2) + "-0";
            if (ours.containsKey(first)) {
                return first;
            }
        }
        return node;
    }

    /** {@code ns/es-kafka-0} → {@code kafka (es)}; {@code 203.0.113.10} → {@code outside the cluster}; ... */
    static String of(String node, Map<String, Pod> podsByName) {
        Pod p = podsByName.get(node);
        if (p == null && node.endsWith("-1")) {
            p = podsByName.get(node.substring(0, node.length() - 2) + "-0"); // verify's second replica of a group
            node = p == null ? node : p.toString();
        }
        if (p != null) {
            String app = p.labels().get(Labels.NAME);
            String instance = p.labels().get(Labels.INSTANCE);
            if (Component.CLUSTER_OPERATOR.appName().equals(app)) {
                return "cluster operator";
            }
            if (app != null && instance != null) {
                return app + " (" + instance + ")";
            }
        }
        if (node.endsWith("/" + Probes.OPERATOR_POD)) {
            return "cluster operator";
        }
        if (node.endsWith("/" + Probes.ELSEWHERE_POD)) {
            return "pods of other namespaces";
        }
        if (node.endsWith("/" + Probes.NEIGHBOUR_POD)) {
            return "other pods of the namespace";
        }
        if (node.endsWith("/" + Probes.DNS_POD)) {
            return "cluster DNS";
        }
        if (node.contains("/probe-") && node.contains("-peer-")) {
            return "listener peers";
        }
        if (node.matches("[0-9a-fA-F:.]+") && !node.contains("/")) {
            return node.equals(Probes.OUTSIDE_ADDRESS) ? "outside the cluster" : "addresses " + node;
        }
        return node;
    }
}
