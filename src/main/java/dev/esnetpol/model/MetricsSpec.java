package dev.esnetpol.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A component block whose {@code metricsConfig} switches its 9404 on (ZooKeeper, Kafka Connect, ...). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MetricsSpec extends KeptFields {
    private Presence metricsConfig;

    public Presence getMetricsConfig() {
        return metricsConfig;
    }

    public void setMetricsConfig(Presence metricsConfig) {
        this.metricsConfig = metricsConfig;
    }
}
