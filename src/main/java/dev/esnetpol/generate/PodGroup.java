package dev.esnetpol.generate;

import dev.esnetpol.catalogue.Component;
import dev.esnetpol.catalogue.Labels;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pods of one component run for one resource: {@code owner} is the EventStreams name for the
 * instance's own components, the KafkaConnect / geo-replicator name for theirs (their pods carry it).
 * One PodGroup, one NetworkPolicy.
 */
public record PodGroup(Component component, String owner) implements Comparable<PodGroup> {

    /** The labels that select these pods and no others (conventions.md). */
    public Map<String, String> selector() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.NAME, component.appName());
        labels.put(Labels.INSTANCE, owner);
        return labels;
    }

    /** The name of this group's policy: stable, so that a re-render diffs cleanly. */
    public String policyName() {
        return owner + "-" + component.appName() + "-netpol";
    }

    @Override
    public int compareTo(PodGroup o) {
        int c = component.compareTo(o.component);
        return c != 0 ? c : owner.compareTo(o.owner);
    }

    @Override
    public String toString() {
        return component.appName() + "(" + owner + ")";
    }
}
