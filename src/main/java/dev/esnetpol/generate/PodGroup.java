package dev.esnetpol.generate;

import dev.esnetpol.catalogue.Component;
import dev.esnetpol.catalogue.Labels;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pods of one component run for one resource: {@code owner} is the EventStreams name for the
 * instance's own components, the KafkaConnect / geo-replicator name for theirs (their pods carry it).
 * Kafka pods of an instance that declares node pools come in one group per pool, with the pool's
 * {@link KafkaRoles}; otherwise {@code roles} is null. One PodGroup, one NetworkPolicy.
 */
public record PodGroup(Component component, String owner, KafkaRoles roles) implements Comparable<PodGroup> {

    private static final Comparator<PodGroup> ORDER = Comparator.comparing(PodGroup::component)
            .thenComparing(PodGroup::owner)
            .thenComparing(g -> g.pool() == null ? "" : g.pool());

    /** A group that is not a Kafka node pool. */
    public PodGroup(Component component, String owner) {
        this(component, owner, null);
    }

    /** The node pool's name, or null. */
    public String pool() {
        return roles == null ? null : roles.pool();
    }

    /**
     * Whether the rows of {@code c} apply to these pods: a Kafka group serves {@link Component#KAFKA} (the
     * brokers) unless its pool lacks the broker role, and {@link Component#KAFKA_CONTROLLER} when it has the
     * controller role. A dual-role pool serves both.
     */
    public boolean serves(Component c) {
        if (component != Component.KAFKA || roles == null) {
            return c == component;
        }
        return (c == Component.KAFKA && roles.broker()) || (c == Component.KAFKA_CONTROLLER && roles.controller());
    }

    /** The labels that select these pods and no others (conventions.md; kraft.md for node pools). */
    public Map<String, String> selector() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.NAME, component.appName());
        labels.put(Labels.INSTANCE, owner);
        if (pool() != null) {
            labels.put(Labels.POOL_NAME, pool());
        }
        return labels;
    }

    /**
     * The labels the pods carry beyond {@link #selector()}: the KRaft role labels, each {@code "true"} or
     * {@code "false"} (upstream Strimzi stamps both on every node pod).
     */
    public Map<String, String> podLabels() {
        Map<String, String> labels = new LinkedHashMap<>(selector());
        labels.put(Labels.CLUSTER, owner);
        if (roles != null) {
            labels.put(Labels.BROKER_ROLE, String.valueOf(roles.broker()));
            labels.put(Labels.CONTROLLER_ROLE, String.valueOf(roles.controller()));
        }
        return labels;
    }

    /** The name of one of this group's pods: {@code <instance>-<pool>-0} for a node pool (kraft.md). */
    public String podName() {
        return owner + "-" + (pool() != null ? pool() : component.appName()) + "-0";
    }

    /** The name of this group's policy: stable, so that a re-render diffs cleanly. */
    public String policyName() {
        return owner + "-" + (pool() != null ? pool() : component.appName()) + "-netpol";
    }

    @Override
    public int compareTo(PodGroup o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return component.appName() + (pool() != null ? "[" + pool() + " " + roles.describe() + "]" : "") + "(" + owner + ")";
    }
}
