package dev.esnetpol.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The fields of an {@code EventStreams} spec that decide its network policies (conventions.md). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EventStreamsSpec extends KeptFields {
    private RestComponentSpec adminApi;
    @JsonProperty("adminUI")
    private RestComponentSpec adminUI;
    private RestComponentSpec restProducer;
    private RestComponentSpec apicurioRegistry;
    private Presence collector;
    private SecuritySpec security;
    private StrimziOverrides strimziOverrides;

    public RestComponentSpec getAdminApi() {
        return adminApi;
    }

    public void setAdminApi(RestComponentSpec adminApi) {
        this.adminApi = adminApi;
    }

    public RestComponentSpec getAdminUI() {
        return adminUI;
    }

    public void setAdminUI(RestComponentSpec adminUI) {
        this.adminUI = adminUI;
    }

    public RestComponentSpec getRestProducer() {
        return restProducer;
    }

    public void setRestProducer(RestComponentSpec restProducer) {
        this.restProducer = restProducer;
    }

    public RestComponentSpec getApicurioRegistry() {
        return apicurioRegistry;
    }

    public void setApicurioRegistry(RestComponentSpec apicurioRegistry) {
        this.apicurioRegistry = apicurioRegistry;
    }

    public Presence getCollector() {
        return collector;
    }

    public void setCollector(Presence collector) {
        this.collector = collector;
    }

    public SecuritySpec getSecurity() {
        return security;
    }

    public void setSecurity(SecuritySpec security) {
        this.security = security;
    }

    public StrimziOverrides getStrimziOverrides() {
        return strimziOverrides;
    }

    public void setStrimziOverrides(StrimziOverrides strimziOverrides) {
        this.strimziOverrides = strimziOverrides;
    }
}
