package dev.esnetpol.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A component block whose {@code metricsConfig} switches its 9404 on (ZooKeeper, Kafka Connect, ...). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MetricsSpec extends KeptFields {
    private Presence metricsConfig;
    /** Strimzi's field before {@code metricsConfig} (Strimzi 0.20 and earlier; Event Streams 10.x and 11.0 GitOps catalogues). */
    private Presence metrics;

    public Presence getMetricsConfig() {
        return metricsConfig;
    }

    public void setMetricsConfig(Presence metricsConfig) {
        this.metricsConfig = metricsConfig;
    }

    public Presence getMetrics() {
        return metrics;
    }

    public void setMetrics(Presence metrics) {
        this.metrics = metrics;
    }

    /**
     * Whether the component exports Prometheus metrics on 9404: {@code metricsConfig} (Strimzi 0.21 and later) or
     * the older {@code metrics} (a JMX exporter configuration inline, Strimzi 0.20 and earlier), which the
     * operator of that era read the same way.
     */
    public boolean exportsMetrics() {
        return metricsConfig != null || metrics != null;
    }
}
