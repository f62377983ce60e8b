package dev.esnetpol.catalogue;

import java.util.Set;

/** Who may open a connection that an ingress row admits: the spec's "Origin" column as data. */
public sealed interface Origin {

    /** Every source, inside or outside the cluster: a rule with no {@code from}. */
    record Anywhere() implements Origin {
    }

    /** Anywhere, unless the listener names {@code networkPolicyPeers} (conventions.md). */
    record ListenerPeers() implements Origin {
    }

    /**
     * Pods of the given components: the instance's own (selected by name and instance), and the
     * cluster operator from any namespace.
     */
    record Pods(Set<Component> components) implements Origin {
        public Pods {
            components = Set.copyOf(components);
        }
    }

    /** "Any pod in Event Streams instance": every pod labelled with the instance's name. */
    record AnyInstancePod() implements Origin {
    }

    static Origin pods(Component... components) {
        return new Pods(Set.of(components));
    }

    /** Whether a pod of {@code component} belonging to the instance is admitted by this origin. */
    default boolean admitsInstancePod(Component component) {
        if (this instanceof Pods p) {
            return p.components().contains(component);
        }
        if (this instanceof AnyInstancePod) {
            return !component.isClusterWide() && !component.hasOwnResource();
        }
        return true; // Anywhere, and a listener by default; a listener's own peers are checked where known
    }
}
