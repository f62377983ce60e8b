package dev.esnetpol.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code spec.strimziOverrides.kafka}: listeners, metrics (as every {@link MetricsSpec}), JMX and rack awareness. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KafkaSpec extends MetricsSpec {
    private Listeners listeners;
    private Presence jmxOptions;
    private Presence rack;

    public Listeners getListeners() {
        return listeners;
    }

    public void setListeners(Listeners listeners) {
        this.listeners = listeners;
    }

    public Presence getJmxOptions() {
        return jmxOptions;
    }

    public void setJmxOptions(Presence jmxOptions) {
        this.jmxOptions = jmxOptions;
    }

    public Presence getRack() {
        return rack;
    }

    public void setRack(Presence rack) {
        this.rack = rack;
    }
}
