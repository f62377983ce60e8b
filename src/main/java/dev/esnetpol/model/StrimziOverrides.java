package dev.esnetpol.model;

import java.util.List;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code spec.strimziOverrides}: the Kafka-side components; a present key means the component runs. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StrimziOverrides extends KeptFields {
    private KafkaSpec kafka;
    private MetricsSpec zookeeper;
    private Presence cruiseControl;
    private Presence entityOperator;
    private Presence kafkaExporter;
    private List<NodePool> nodePools;

    public KafkaSpec getKafka() {
        return kafka;
    }

    public void setKafka(KafkaSpec kafka) {
        this.kafka = kafka;
    }

    public MetricsSpec getZookeeper() {
        return zookeeper;
    }

    public void setZookeeper(MetricsSpec zookeeper) {
        this.zookeeper = zookeeper;
    }

    public Presence getCruiseControl() {
        return cruiseControl;
    }

    public void setCruiseControl(Presence cruiseControl) {
        this.cruiseControl = cruiseControl;
    }

    public Presence getEntityOperator() {
        return entityOperator;
    }

    public void setEntityOperator(Presence entityOperator) {
        this.entityOperator = entityOperator;
    }

    /** The node pools, or null when the resource declares none. */
    public List<NodePool> getNodePools() {
        return nodePools;
    }

    public void setNodePools(List<NodePool> nodePools) {
        this.nodePools = nodePools;
    }

    public Presence getKafkaExporter() {
        return kafkaExporter;
    }

    public void setKafkaExporter(Presence kafkaExporter) {
        this.kafkaExporter = kafkaExporter;
    }
}
