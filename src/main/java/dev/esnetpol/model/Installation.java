package dev.esnetpol.model;

import java.util.List;
import java.util.Optional;

/**
 * One Event Streams instance and the resources that belong to it, in one namespace: the policies of each
 * depend on the others (the admin API reaches every Kafka Connect of its instance, Kafka Connect reaches
 * its instance's listeners). {@code eventStreams} is empty for a Kafka Connect or geo-replicator whose
 * instance is not among the inputs; it still gets its own policy.
 */
public record Installation(String name, String namespace, Optional<EventStreams> eventStreams,
                           List<KafkaConnect> connects, List<EventStreamsResource> geoReplicators) {

    public Installation {
        connects = List.copyOf(connects);
        geoReplicators = List.copyOf(geoReplicators);
    }

    /** Every resource of the installation, the EventStreams first. */
    public List<EventStreamsResource> resources() {
        java.util.ArrayList<EventStreamsResource> all = new java.util.ArrayList<>();
        eventStreams.ifPresent(all::add);
        all.addAll(connects);
        all.addAll(geoReplicators);
        return all;
    }
}
