package dev.esnetpol.analyze;

import java.util.List;
import java.util.Map;

/**
 * A {@code v1} Node object: its labels (what a cluster policy's {@code nodes} peer selects) and its addresses
 * ({@code status.addresses[].address}, every type: the API's nodes peer "selects the nodeIPs ... present in the
 * node.Status.Addresses field"). Host-network pods are reached at their node's address.
 */
public record HostNode(String name, Map<String, String> labels, List<String> addresses) {

    public HostNode {
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        addresses = List.copyOf(addresses == null ? List.of() : addresses);
    }
}
