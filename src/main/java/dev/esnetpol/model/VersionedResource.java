package dev.esnetpol.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.fabric8.kubernetes.client.CustomResource;

/**
 * A fabric8 {@link CustomResource} that keeps the {@code apiVersion} it was read with. fabric8 stamps each
 * instance with its class's {@code @Version} and ignores the document's; every kind here exists in several
 * versions (v1beta1 for 10.x, v1beta2, v1 for 13.0) and the version matters: owner references name it, and
 * {@code eventstreams.ibm.com/v1} says the instance is 13.0.
 */
public abstract class VersionedResource<S, T> extends CustomResource<S, T> {

    @JsonIgnore
    private String readApiVersion;

    @Override
    public String getApiVersion() {
        return readApiVersion != null ? readApiVersion : super.getApiVersion();
    }

    @Override
    public void setApiVersion(String version) {
        this.readApiVersion = version;
    }
}
