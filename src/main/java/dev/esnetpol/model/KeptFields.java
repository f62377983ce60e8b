package dev.esnetpol.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of an object es-netpol does not model, kept as read: written back with the rest (a status update
 * never loses them), and there for {@link StrictKeys} when the operator checks a resource its informers read,
 * so that a misspelt {@code networkPolicyPeer:} is reported by the operator's status as by render and the webhook.
 */
public abstract class KeptFields {

    private final Map<String, Object> kept = new LinkedHashMap<>();

    @JsonAnySetter
    void keep(String key, Object value) {
        kept.put(key, value);
    }

    @JsonAnyGetter
    Map<String, Object> kept() {
        return kept;
    }
}
