package dev.esnetpol.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** {@code KafkaMirrorMaker2.spec}: the clusters it joins and whether it exports metrics. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KafkaMirrorMaker2Spec extends MetricsSpec {
    private String connectCluster;
    private List<ClusterRef> clusters;

    public String getConnectCluster() {
        return connectCluster;
    }

    public void setConnectCluster(String connectCluster) {
        this.connectCluster = connectCluster;
    }

    public List<ClusterRef> getClusters() {
        return clusters;
    }

    public void setClusters(List<ClusterRef> clusters) {
        this.clusters = clusters;
    }

    /** One entry of {@code spec.clusters}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class ClusterRef {
        private String alias;
        private String bootstrapServers;

        public String getAlias() {
            return alias;
        }

        public void setAlias(String alias) {
            this.alias = alias;
        }

        public String getBootstrapServers() {
            return bootstrapServers;
        }

        public void setBootstrapServers(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
        }
    }
}
