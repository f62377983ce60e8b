package dev.esnetpol.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One entry of {@code spec.strimziOverrides.nodePools} (Event Streams API reference, "Nodepools"; kraft.md):
 * a group of Kafka nodes with the roles {@code broker}, {@code controller} or both. Its pods are named
 * {@code <instance>-<name>-<node id>} and carry {@code eventstreams.ibm.com/pool-name: <name>} and a role
 * label per role. Only {@code name} and {@code roles} decide network policies; the rest (replicas, storage,
 * resources, template) configures other things.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NodePool extends KeptFields {

    public static final String BROKER = "broker";
    public static final String CONTROLLER = "controller";

    private String name;
    private List<String> roles;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }

    @JsonIgnore
    public boolean isBroker() {
        return roles != null && roles.contains(BROKER);
    }

    @JsonIgnore
    public boolean isController() {
        return roles != null && roles.contains(CONTROLLER);
    }
}
