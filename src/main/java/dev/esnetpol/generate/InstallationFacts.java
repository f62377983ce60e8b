package dev.esnetpol.generate;

import dev.esnetpol.catalogue.Component;
import dev.esnetpol.catalogue.Condition;
import dev.esnetpol.model.EventStreams;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.EventStreamsSpec;
import dev.esnetpol.model.ExternalTargets;
import dev.esnetpol.model.Installation;
import dev.esnetpol.model.KafkaSpec;
import dev.esnetpol.model.Listener;
import dev.esnetpol.model.MetricsSpec;
import dev.esnetpol.model.Presence;
import dev.esnetpol.model.SecuritySpec;
import dev.esnetpol.model.StrimziOverrides;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an installation runs, read once from its resources: which pod groups exist (conventions.md:
 * a component exists when its key is present), the switches their conditions read, the listeners.
 */
public final class InstallationFacts {

    private final Installation installation;
    private final Map<PodGroup, Condition.Features> groups = new LinkedHashMap<>();
    private final Map<PodGroup, EventStreamsResource> owners = new LinkedHashMap<>();
    private final List<Listener> listeners = new ArrayList<>();
    private final boolean rackAware;

    public InstallationFacts(Installation installation) {
        this.installation = installation;
        Optional<EventStreams> es = installation.eventStreams();
        boolean internalTls = es.map(InstallationFacts::internalTls).orElse(true);
        boolean rack = false;
        if (es.isPresent()) {
            EventStreams instance = es.get();
            EventStreamsSpec spec = instance.getSpec();
            StrimziOverrides o = spec.getStrimziOverrides();
            KafkaSpec kafka = o == null ? null : o.getKafka();
            add(Component.KAFKA, instance, new Condition.Features(
                    kafka != null && kafka.getMetricsConfig() != null, kafka != null && kafka.getJmxOptions() != null, internalTls));
            if (kafka != null && kafka.getListeners() != null) {
                listeners.addAll(kafka.getListeners().all());
            }
            rack = kafka != null && kafka.getRack() != null;
            if (o != null && o.getZookeeper() != null) {
                add(Component.ZOOKEEPER, instance, features(o.getZookeeper(), internalTls));
            }
            addIf(o != null && o.getCruiseControl() != null, Component.CRUISE_CONTROL, instance, internalTls);
            addIf(o != null && o.getEntityOperator() != null, Component.ENTITY_OPERATOR, instance, internalTls);
            addIf(o != null && o.getKafkaExporter() != null, Component.KAFKA_EXPORTER, instance, internalTls);
            addIf(Presence.present(spec.getApicurioRegistry()), Component.SCHEMA_REGISTRY, instance, internalTls);
            addIf(Presence.present(spec.getAdminUI()), Component.ADMIN_UI, instance, internalTls);
            addIf(Presence.present(spec.getAdminApi()), Component.ADMIN_API, instance, internalTls);
            addIf(Presence.present(spec.getRestProducer()), Component.REST_PRODUCER, instance, internalTls);
            addIf(Presence.present(spec.getCollector()), Component.METRICS_COLLECTOR, instance, internalTls);
        }
        this.rackAware = rack;
        for (var geo : installation.geoReplicators()) {
            add(Component.GEO_REPLICATOR, geo, features((MetricsSpec) specOf(geo), internalTls));
        }
        for (var connect : installation.connects()) {
            add(Component.KAFKA_CONNECT, connect, features(connect.getSpec(), internalTls));
        }
    }

    public Installation installation() {
        return installation;
    }

    public String instanceName() {
        return installation.name();
    }

    public boolean hasEventStreams() {
        return installation.eventStreams().isPresent();
    }

    /** Pod groups in a stable order (component, then owner). */
    public List<PodGroup> groups() {
        return groups.keySet().stream().sorted().toList();
    }

    public List<PodGroup> groupsOf(Component component) {
        return groups().stream().filter(g -> g.component() == component).toList();
    }

    public Condition.Features features(PodGroup group) {
        return groups.get(group);
    }

    /** The resource that makes this group run (and owns its policy). */
    public EventStreamsResource owner(PodGroup group) {
        return owners.get(group);
    }

    public List<Listener> listeners() {
        return listeners;
    }

    public boolean rackAware() {
        return rackAware;
    }

    /** Where a Kafka Connect or geo-replicator group may connect outside the cluster. */
    public ExternalTargets externalTargets(PodGroup group) {
        EventStreamsResource r = owners.get(group);
        Map<String, String> annotations = r.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(ExternalTargets.ANNOTATION);
        return ExternalTargets.parse(value, "", (path, message) -> {
            throw new IllegalStateException(message); // validated when read
        });
    }

    private void add(Component c, EventStreamsResource owner, Condition.Features f) {
        PodGroup g = new PodGroup(c, owner.getMetadata().getName());
        groups.put(g, f);
        owners.put(g, owner);
    }

    private void addIf(boolean present, Component c, EventStreamsResource owner, boolean internalTls) {
        if (present) {
            add(c, owner, new Condition.Features(false, false, internalTls));
        }
    }

    private static Condition.Features features(MetricsSpec spec, boolean internalTls) {
        return new Condition.Features(spec != null && spec.getMetricsConfig() != null, false, internalTls);
    }

    private static Object specOf(EventStreamsResource r) {
        if (r instanceof io.fabric8.kubernetes.client.CustomResource<?, ?> cr) {
            return cr.getSpec();
        }
        return null;
    }

    private static boolean internalTls(EventStreams es) {
        SecuritySpec security = es.getSpec() == null ? null : es.getSpec().getSecurity();
        return security == null || security.getInternalTls() == null || !SecuritySpec.NONE.equals(security.getInternalTls());
    }
}
