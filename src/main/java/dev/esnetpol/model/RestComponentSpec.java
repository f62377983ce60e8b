package dev.esnetpol.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * {@code spec.adminApi}, {@code spec.adminUI}, {@code spec.restProducer}, {@code spec.apicurioRegistry}: the
 * component runs when the key is present (even {@code {}}); its {@code endpoints} add ports it serves.
 * Every other field is kept as it was read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RestComponentSpec extends Presence {

    private List<RestEndpoint> endpoints;

    public List<RestEndpoint> getEndpoints() {
        return endpoints;
    }

    public void setEndpoints(List<RestEndpoint> endpoints) {
        this.endpoints = endpoints;
    }

    /** The endpoints as declared, never null. */
    @JsonIgnore
    public List<RestEndpoint> endpointList() {
        return endpoints == null ? List.of() : endpoints;
    }
}
