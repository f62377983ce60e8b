package dev.esnetpol.analyze;

import com.fasterxml.jackson.databind.JsonNode;
import dev.esnetpol.kube.KubeValidation;
import dev.esnetpol.kube.Messages;
import dev.esnetpol.kube.Suggestions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The ports of a cluster-scoped policy rule, with their CRDs' checks: v1alpha1 {@code ports} (exactly one of
 * {@code portNumber}, {@code portRange}, {@code namedPort}; protocol TCP when absent) and v1alpha2
 * {@code protocols} (exactly one of {@code tcp}, {@code udp}, {@code sctp} with a {@code destinationPort} of
 * {@code number} or {@code range}, or {@code destinationNamedPort}); ports 1-65535, ranges start &lt; end.
 */
final class ClusterPortsReader {

    private final boolean v1alpha2;
    private final BiConsumer<String, String> problem;

    ClusterPortsReader(boolean v1alpha2, BiConsumer<String, String> problem) {
        this.v1alpha2 = v1alpha2;
        this.problem = problem;
    }

    /** The entries of the list at {@code path}; none when absent or null (every port of every protocol). */
    List<PortMatcher> ports(JsonNode list, String path) {
        List<PortMatcher> out = new ArrayList<>();
        if (!list.isArray()) {
            return out; // absent or null: every port of every protocol
        }
        if (list.isEmpty()) {
            problem.accept(path, "at least one entry is required when the list is given (leave it out for every port)");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            String at = path + "[" + i + "]";
            List<String> set = p.isObject() ? ClusterPolicyReader.setFields(p) : List.of();
            if (set.size() != 1) {
                problem.accept(at, "exactly one field must be set, of " + (v1alpha2 ? "tcp, udp, sctp, destinationNamedPort" : "portNumber, portRange, namedPort")
                        + (set.isEmpty() ? "" : ", not " + String.join(" and ", set)));
                continue;
            }
            String field = set.get(0);
            JsonNode v = p.path(field);
            String fat = at + "." + field;
            switch (field) {
                case "namedPort", "destinationNamedPort" -> {
                    if (v.asText("").isEmpty()) {
                        problem.accept(fat, "a port name is required");
                    } else {
                        out.add(new PortMatcher(null, null, null, v.asText()));
                    }
                }
                case "portNumber" -> {
                    String protocol = protocol(v.path("protocol"), fat + ".protocol");
                    Integer n = port(v.path("port"), fat + ".port");
                    if (n != null) {
                        out.add(new PortMatcher(protocol, n, n, null));
                    }
                }
                case "portRange" -> {
                    String protocol = protocol(v.path("protocol"), fat + ".protocol");
                    addRange(v, fat, protocol, out);
                }
                case "tcp", "udp", "sctp" -> {
                    String protocol = field.toUpperCase(java.util.Locale.ROOT);
                    JsonNode dp = v.path("destinationPort");
                    List<String> which = dp.isObject() ? ClusterPolicyReader.setFields(dp) : List.of();
                    if (which.size() != 1) {
                        problem.accept(fat + ".destinationPort", "destinationPort needs exactly one of number and range");
                    } else if (which.get(0).equals("number")) {
                        Integer n = port(dp.path("number"), fat + ".destinationPort.number");
                        if (n != null) {
                            out.add(new PortMatcher(protocol, n, n, null));
                        }
                    } else {
                        addRange(dp.path("range"), fat + ".destinationPort.range", protocol, out);
                    }
                }
                default -> {
                    // an unknown field: reported by StrictFields
                }
            }
        }
        return out;
    }

    private void addRange(JsonNode range, String path, String protocol, List<PortMatcher> out) {
        Integer start = port(range.path("start"), path + ".start");
        Integer end = port(range.path("end"), path + ".end");
        if (start != null && end != null) {
            if (start >= end) {
                problem.accept(path, "start " + start + " must be less than end " + end);
            } else {
                out.add(new PortMatcher(protocol, start, end, null));
            }
        }
    }

    private String protocol(JsonNode node, String path) {
        if (node.isMissingNode() || node.isNull()) {
            return "TCP";
        }
        String p = node.asText();
        if (!KubeValidation.PROTOCOLS.contains(p)) {
            problem.accept(path, "unknown protocol '" + p + "' (TCP, UDP or SCTP)" + Suggestions.didYouMean(p, KubeValidation.PROTOCOLS));
            return "TCP";
        }
        return p;
    }

    private Integer port(JsonNode node, String path) {
        if (!node.isIntegralNumber()) {
            problem.accept(path, node.isMissingNode() || node.isNull() ? "a port number is required" : "a port is a number");
            return null;
        }
        long n = node.asLong();
        if (n < 1 || n > 65535) {
            problem.accept(path, Messages.portOutOfRange(n));
            return null;
        }
        return (int) n;
    }
}
