package dev.esnetpol.analyze;

/** A container port of a pod: policies may name it ({@code port: http}) instead of giving its number. */
public record NamedPort(String name, int port, String protocol) {

    public NamedPort {
        protocol = protocol == null || protocol.isEmpty() ? "TCP" : protocol;
    }

    // equals and hashCode written out, here and in the other records of the analysis that are map or set keys
    // (Pod, Owner, PodClasses.ClassKey and .Address, CompiledPolicies.PeerKey, IpBlockIndex.Network): a record's
    // generated ones are bootstrapped through ObjectMethods the first time they run, method handles spun in the
    // interpreter that the class-data archive does not keep (10 bootstraps, ~5 % of a 100-pod matrix's CPU time;
    // README, Start-up). RecordKeysTest checks that each compares every component.
    @Override
    public boolean equals(Object o) {
        return o instanceof NamedPort p && port == p.port && java.util.Objects.equals(name, p.name) && protocol.equals(p.protocol);
    }

    @Override
    public int hashCode() {
        return (31 * java.util.Objects.hashCode(name) + port) * 31 + protocol.hashCode();
    }
}
