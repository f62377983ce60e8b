package dev.esnetpol.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The fields of an {@code EventStreams} spec that decide its network policies (conventions.md). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EventStreamsSpec {
    private Presence adminApi;
    @JsonProperty("adminUI")
    private Presence adminUI;
    private Presence restProducer;
    private Presence apicurioRegistry;
    private Presence collector;
    private SecuritySpec security;
    private StrimziOverrides strimziOverrides;

    public Presence getAdminApi() {
        return adminApi;
    }

    public void setAdminApi(Presence adminApi) {
        this.adminApi = adminApi;
    }

    public Presence getAdminUI() {
        return adminUI;
    }

    public void setAdminUI(Presence adminUI) {
        this.adminUI = adminUI;
    }

    public Presence getRestProducer() {
        return restProducer;
    }

    public void setRestProducer(Presence restProducer) {
        this.restProducer = restProducer;
    }

    public Presence getApicurioRegistry() {
        return apicurioRegistry;
    }

    public void setApicurioRegistry(Presence apicurioRegistry) {
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
