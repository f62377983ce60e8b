package dev.esnetpol.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;

/** The {@code EventStreamsGeoReplicator} custom resource ({@code eventstreams.ibm.com/v1beta1}), as far as network policies read it. */
@Group(EventStreamsResource.GROUP)
@Version("v1beta1")
@Kind("EventStreamsGeoReplicator")
@JsonIgnoreProperties(ignoreUnknown = true)
// EventStreamsResource inherits fabric8's polymorphic KubernetesDeserializer; bind this class directly.
@JsonDeserialize(using = JsonDeserializer.None.class)
public class EventStreamsGeoReplicator extends VersionedResource<EventStreamsGeoReplicatorSpec, ResourceStatus> implements Namespaced, EventStreamsResource {
}
