package dev.esnetpol.generate;

import dev.esnetpol.catalogue.Component;

/**
 * An Event Streams instance as a Kafka Connect or geo-replicator names it: by the
 * {@code eventstreams.ibm.com/cluster} label or its bootstrap host.
 *
 * @param namespace the instance's namespace when it is not the resource's own (from the bootstrap host), else null
 * @param name      the instance's name
 */
public record InstanceRef(String namespace, String name) {

    /** The pods of one of the instance's components, by its labels. */
    public Endpoint.InstanceComponent component(Component c) {
        return new Endpoint.InstanceComponent(namespace, name, c);
    }
}
