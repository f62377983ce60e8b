package dev.esnetpol.review;

import dev.esnetpol.analyze.Cluster;
import dev.esnetpol.model.EventStreamsResource;

import java.util.List;

/**
 * What review looks at, read from a live namespace or from files: the Event Streams resources, and the
 * cluster around them (namespaces with their labels, the pods, and every NetworkPolicy of the namespace,
 * es-netpol's and others').
 */
public record Snapshot(String namespace, List<EventStreamsResource> resources, Cluster cluster, String source) {
}
