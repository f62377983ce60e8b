package dev.esnetpol.model;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** One of the four kinds whose resources decide an installation's network policies. */
public interface EventStreamsResource extends HasMetadata {
    String GROUP = "eventstreams.ibm.com";
}
