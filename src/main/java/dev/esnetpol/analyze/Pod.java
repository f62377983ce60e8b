package dev.esnetpol.analyze;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pod as NetworkPolicy semantics see it: where it lives, its labels (what selectors match), its named
 * container ports (what named policy ports resolve to), its IPs, and whether it shares the node's network.
 * Host-network pods are analysed like any other (as the API defines them and np-guard reads them; CNIs
 * differ in practice: see docs/analyzer-semantics.md).
 */
public record Pod(String namespace, String name, Map<String, String> labels, List<String> ips, List<NamedPort> ports,
                  boolean hostNetwork, Owner owner) {

    public Pod {
        labels = Map.copyOf(new TreeMap<>(labels == null ? Map.of() : labels));
        ips = List.copyOf(ips == null ? List.of() : ips);
        ports = List.copyOf(ports == null ? List.of() : ports);
        owner = owner == null ? new Owner("Pod", name) : owner;
    }

    public static Pod of(String namespace, String name, Map<String, String> labels) {
        return new Pod(namespace, name, labels, List.of(), List.of(), false, null);
    }

    public Pod withPorts(List<NamedPort> newPorts) {
        return new Pod(namespace, name, labels, ips, newPorts, hostNetwork, owner);
    }

    /** The key of its equivalence class: pods equal in these behave identically under every policy. */
    ClassKey classKey() {
        return new ClassKey(namespace, labels, java.util.Set.copyOf(ports));
    }

    record ClassKey(String namespace, Map<String, String> labels, java.util.Set<NamedPort> ports) {
    }


    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
