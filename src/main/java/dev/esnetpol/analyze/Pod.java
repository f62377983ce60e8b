package dev.esnetpol.analyze;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A pod as NetworkPolicy semantics see it: where it lives ({@code metadata.namespace}), its labels (what
 * selectors match), its named container ports (what named policy ports resolve to), its addresses
 * ({@code status.podIPs}, else {@code status.podIP}), whether it shares the node's network
 * ({@code spec.hostNetwork}), its node's address ({@code status.hostIP}, null when unknown) and its phase
 * ({@code status.phase}, null when the input has no status: a manifest or a workload's template, taken to
 * be a pod that will run).
 */
public record Pod(String namespace, String name, Map<String, String> labels, List<String> ips, List<NamedPort> ports,
                  boolean hostNetwork, Owner owner, String hostIp, String phase) {

    public Pod {
        labels = Map.copyOf(new TreeMap<>(labels == null ? Map.of() : labels));
        ips = List.copyOf(ips == null ? List.of() : ips);
        ports = List.copyOf(ports == null ? List.of() : ports);
        owner = owner == null ? new Owner("Pod", name) : owner;
        hostIp = hostIp == null || hostIp.isEmpty() ? null : hostIp;
        phase = phase == null || phase.isEmpty() ? null : phase;
    }

    // equals and hashCode written out: see NamedPort.
    @Override
    public boolean equals(Object o) {
        return o instanceof Pod p && hostNetwork == p.hostNetwork && Objects.equals(namespace, p.namespace)
                && Objects.equals(name, p.name) && labels.equals(p.labels) && ips.equals(p.ips) && ports.equals(p.ports)
                && owner.equals(p.owner) && Objects.equals(hostIp, p.hostIp) && Objects.equals(phase, p.phase);
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(namespace);
        h = 31 * h + Objects.hashCode(name);
        h = 31 * h + labels.hashCode();
        h = 31 * h + ips.hashCode();
        h = 31 * h + ports.hashCode();
        h = 31 * h + Boolean.hashCode(hostNetwork);
        h = 31 * h + owner.hashCode();
        h = 31 * h + Objects.hashCode(hostIp);
        return 31 * h + Objects.hashCode(phase);
    }

    /** A pod without status (a manifest, a template): no node address, no phase. */
    public Pod(String namespace, String name, Map<String, String> labels, List<String> ips, List<NamedPort> ports,
               boolean hostNetwork, Owner owner) {
        this(namespace, name, labels, ips, ports, hostNetwork, owner, null, null);
    }

    public static Pod of(String namespace, String name, Map<String, String> labels) {
        return new Pod(namespace, name, labels, List.of(), List.of(), false, null);
    }

    public Pod withPorts(List<NamedPort> newPorts) {
        return new Pod(namespace, name, labels, ips, newPorts, hostNetwork, owner, hostIp, phase);
    }

    /**
     * Why this pod is not a connection endpoint, or null when it is: a pod whose {@code status.phase} is
     * {@code Succeeded} or {@code Failed} has stopped (its address may already be another pod's); a pod with
     * a status but no address (and not on the host network) is not running yet.
     */
    public String notRunningReason() {
        if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
            return "it has finished (status.phase " + phase + ")";
        }
        if (phase != null && ips.isEmpty() && !hostNetwork) {
            return "it has no address yet (status.phase " + phase + ", no status.podIP)";
        }
        return null;
    }

    /**
     * The addresses other pods see it by: its node's ({@code status.hostIP}) for a host-network pod,
     * else its own ({@code status.podIPs}).
     */
    public List<String> addresses() {
        if (hostNetwork && hostIp != null) {
            return List.of(hostIp);
        }
        return ips;
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
