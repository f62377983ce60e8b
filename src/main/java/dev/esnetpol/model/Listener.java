package dev.esnetpol.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.esnetpol.catalogue.ListenerKind;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

import java.util.List;
import java.util.Set;

/**
 * A Kafka listener, in either form of {@code spec.strimziOverrides.kafka.listeners}. The reader fills in
 * {@link #path()} (where it stood in the resource, for error messages) and, for the map form, the port.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Listener extends KeptFields {

    /** Listener types that expose Kafka outside the cluster (Strimzi's list). */
    static final Set<String> EXTERNAL_TYPES = Set.of("route", "loadbalancer", "nodeport", "ingress");
    static final Set<String> TYPES = Set.of("internal", "cluster-ip", "route", "loadbalancer", "nodeport", "ingress");

    private String name;
    @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = StrictScalars.WholeNumber.class)
    private Integer port;
    private String type;
    @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = StrictScalars.TrueOrFalse.class)
    private Boolean tls;
    private Object authentication;
    private List<NetworkPolicyPeer> networkPolicyPeers;
    @JsonIgnore
    private String path = "";

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public Boolean getTls() {
        return tls;
    }

    public void setTls(Boolean tls) {
        this.tls = tls;
    }

    public Object getAuthentication() {
        return authentication;
    }

    public void setAuthentication(Object authentication) {
        this.authentication = authentication;
    }

    public List<NetworkPolicyPeer> getNetworkPolicyPeers() {
        return networkPolicyPeers;
    }

    public void setNetworkPolicyPeers(List<NetworkPolicyPeer> networkPolicyPeers) {
        this.networkPolicyPeers = networkPolicyPeers;
    }

    @JsonIgnore
    public String path() {
        return path;
    }

    void setPath(String path) {
        this.path = path;
    }

    /** Which row of the spec's Kafka table this listener is. */
    @JsonIgnore
    public ListenerKind kind() {
        if (type != null && EXTERNAL_TYPES.contains(type)) {
            return ListenerKind.EXTERNAL;
        }
        return Boolean.TRUE.equals(tls) ? ListenerKind.TLS : ListenerKind.PLAIN;
    }

    /** Absent or empty {@code networkPolicyPeers} means anywhere (Strimzi's meaning). */
    @JsonIgnore
    public List<NetworkPolicyPeer> peers() {
        return networkPolicyPeers == null ? List.of() : networkPolicyPeers;
    }

    @JsonIgnore
    public boolean openToAnywhere() {
        return peers().isEmpty();
    }

    @JsonIgnore
    public boolean hasAuthentication() {
        return authentication != null;
    }
}
