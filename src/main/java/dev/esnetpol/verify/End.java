package dev.esnetpol.verify;

import dev.esnetpol.analyze.Node;

/** One end of a connection verify checks: the node the analyzer sees, and what it stands for. */
public record End(Node node, Role role) {

    /** The node as the analyzer prints it ({@code namespace/pod} or an address): for messages, never parsed. */
    @Override
    public String toString() {
        return node.toString();
    }
}
