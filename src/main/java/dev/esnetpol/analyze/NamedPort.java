package dev.esnetpol.analyze;

/** A container port of a pod: policies may name it ({@code port: http}) instead of giving its number. */
public record NamedPort(String name, int port, String protocol) {

    public NamedPort {
        protocol = protocol == null || protocol.isEmpty() ? "TCP" : protocol;
    }
}
