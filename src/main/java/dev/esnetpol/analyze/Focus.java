package dev.esnetpol.analyze;

import java.util.List;

/**
 * Which part of a connectivity result to show, with np-guard netpol-analyzer's meanings
 * ({@code --focusworkload}, {@code --focusworkload-peer}, {@code --focus-direction}, {@code --focus-conn};
 * pkg/netpol/connlist/connlist.go, {@code includePairOfWorkloads}): pairs with a focus workload at one end
 * (any pair when none is given); of those, with a focus peer at the other end (when peers are given); in one
 * direction of the focus workloads (ingress: the focus workload is the destination); and of each pair only
 * the one connection asked for, the pair left out when it does not carry it. Peers and direction apply only
 * with workloads, as in np-guard.
 *
 * <p>A workload is named as np-guard names it: {@code name}, {@code namespace/name}, or the whole
 * {@code namespace/name[Kind]} es-netpol prints; a range of outside addresses by its printed name.
 *
 * @param connection the one connection asked for ({@code --focus-conn}), or null for all
 */
public record Focus(List<String> workloads, List<String> peers, Direction direction, Connections connection) {

    /** {@code --focus-direction}: the focus workloads' ingress (they are the destination) or egress (the source). */
    public enum Direction { INGRESS, EGRESS }

    /** Everything. */
    public static final Focus NONE = new Focus(List.of(), List.of(), null, null);

    public Focus {
        workloads = List.copyOf(workloads);
        peers = List.copyOf(peers);
    }

    /** Whether the pair {@code from => to} (names as a {@link Matrix} prints them) is in focus. */
    public boolean includes(String from, String to) {
        if (workloads.isEmpty()) {
            return true;
        }
        boolean fromFocus = anyNames(workloads, from);
        boolean toFocus = anyNames(workloads, to);
        if (direction == Direction.INGRESS && !toFocus || direction == Direction.EGRESS && !fromFocus) {
            return false;
        }
        return fromFocus && isPeer(to) || toFocus && isPeer(from);
    }

    private boolean isPeer(String name) {
        return peers.isEmpty() || anyNames(peers, name);
    }

    /** The part of {@code c} in focus: all of it, or the one connection asked for when {@code c} carries it, else none. */
    public Connections restrict(Connections c) {
        if (connection == null) {
            return c;
        }
        return c.containsAll(connection) ? connection : Connections.NONE;
    }

    /** Whether anything is focused on (else every pair and connection is shown). */
    public boolean isEverything() {
        return workloads.isEmpty() && connection == null;
    }

    private static boolean anyNames(List<String> wanted, String peer) {
        for (String w : wanted) {
            if (names(w, peer)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code wanted} names {@code peer}: its whole printed name, or without the {@code [Kind]} suffix
     * ({@code namespace/name}), or its name alone.
     */
    public static boolean names(String wanted, String peer) {
        if (wanted.equals(peer)) {
            return true;
        }
        int bracket = peer.lastIndexOf('[');
        String base = bracket > 0 ? peer.substring(0, bracket) : peer;
        return wanted.equals(base) || wanted.equals(base.substring(base.indexOf('/') + 1));
    }
}
