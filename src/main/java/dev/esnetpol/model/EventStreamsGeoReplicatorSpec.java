package dev.esnetpol.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code EventStreamsGeoReplicator.spec}: its instance comes from the {@code eventstreams.ibm.com/cluster} label. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EventStreamsGeoReplicatorSpec extends MetricsSpec {
}
