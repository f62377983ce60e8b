package dev.esnetpol.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * One entry of {@code endpoints} of the admin API, admin UI, REST producer or schema registry
 * ({@code spec.adminApi.endpoints[]}, ...; the product's "Configuring" page, REST services access): an
 * extra port the component serves ({@code containerPort}), exposed as a route, ingress or service of
 * {@code type}. Only the port decides network policies.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RestEndpoint extends KeptFields {

    private String name;
    private String type;
    @JsonDeserialize(using = StrictScalars.WholeNumber.class)
    private Integer containerPort;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public Integer getContainerPort() {
        return containerPort;
    }

    public void setContainerPort(Integer containerPort) {
        this.containerPort = containerPort;
    }
}
