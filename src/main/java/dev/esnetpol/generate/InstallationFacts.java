package dev.esnetpol.generate;

import dev.esnetpol.catalogue.TableSet;
import dev.esnetpol.model.NodePool;
import dev.esnetpol.model.Installations;
import dev.esnetpol.model.RestComponentSpec;
import dev.esnetpol.model.RestEndpoint;
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
    private final TableChoice tables;
    private final PlatformChoice.Setting platformSetting;
    private final Map<PodGroup, List<KafkaTarget>> kafkaTargets = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    /**
     * Where a Kafka Connect or geo-replicator reaches an instance's brokers: a port of the instance named by
     * {@code instance}; {@code what} says where the port comes from (a bootstrap server, a listener).
     */
    public record KafkaTarget(InstanceRef instance, int port, String what) {
    }

    /** The facts of an installation whose instance decides its own table set. */
    public InstallationFacts(Installation installation) {
        this(installation, Optional.empty());
    }

    /**
     * @param forcedTables the table set to use whatever the resource declares, or empty to decide from it
     */
    public InstallationFacts(Installation installation, Optional<TableSet> forcedTables) {
        this(installation, forcedTables, PlatformChoice.Setting.DETECT, false);
    }

    /**
     * @param forcedTables the table set to use, or empty to decide from the resource
     * @param platform     the platform forced, and what the rest of the run shows of OpenShift
     * @param keepDeclared whether a forced set that contradicts the resource is written with the declared one
     *                     ({@code --tables-override}) rather than refused ({@link TableChoice#of(Optional, Optional, boolean)})
     */
    public InstallationFacts(Installation installation, Optional<TableSet> forcedTables, PlatformChoice.Setting platform,
                             boolean keepDeclared) {
        this.installation = installation;
        this.platformSetting = platform;
        Optional<EventStreams> es = installation.eventStreams();
        this.tables = TableChoice.of(es, forcedTables, keepDeclared);
        es.map(TableChoice::contradiction).ifPresent(warnings::add);
        boolean internalTls = es.map(InstallationFacts::internalTls).orElse(true);
        boolean rack = false;
        if (es.isPresent()) {
            EventStreams instance = es.get();
            EventStreamsSpec spec = instance.getSpec();
            StrimziOverrides o = spec.getStrimziOverrides();
            KafkaSpec kafka = o == null ? null : o.getKafka();
            Condition.Features kafkaFeatures = new Condition.Features(
                    kafka != null && kafka.exportsMetrics(), kafka != null && kafka.getJmxOptions() != null, internalTls);
            addKafka(instance, o, kafkaFeatures);
            if (kafka != null && kafka.getListeners() != null) {
                listeners.addAll(kafka.getListeners().all());
            }
            rack = kafka != null && kafka.getRack() != null;
            if (o != null && o.getZookeeper() != null && tables.zookeeper()) {
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
        for (PodGroup g : groups.keySet()) {
            if (g.component().hasOwnResource()) {
                kafkaTargets.put(g, KafkaTargetReader.read(owners.get(g), instanceOf(g), installation.eventStreams().isPresent(), listeners, warnings));
            }
        }
        warnings.addAll(PlatformChoice.warnings(installation, platform));
    }

    /**
     * The platform a group's policy is written for: its own resource's (a Kafka Connect's policy does not depend on
     * its instance being among the inputs, as its table set does not).
     */
    public PlatformChoice platform(PodGroup group) {
        return PlatformChoice.of(owners.get(group), platformSetting);
    }

    /**
     * Why a group talks to the Kubernetes API server, or null when it does not: the entity operator
     * watches KafkaTopic and KafkaUser resources, the admin API manages them for the UI and CLI, and a
     * broker's init container reads its node through the API: its zone label for rack awareness, its address for
     * a {@code nodeport} listener's advertised address (Strimzi's KafkaCluster runs the init container when
     * {@code rack != null || isExposedWithNodePort()}, on broker nodes).
     *
     * @return the reason, as a policy rule's comment says it, or null
     */
    public String apiServerReason(PodGroup g) {
        return switch (g.component()) {
            case ENTITY_OPERATOR -> "Topic and user operators watch their resources";
            case ADMIN_API -> "Manages KafkaTopic and KafkaUser resources";
            case KAFKA -> rackAware ? "Rack awareness reads the node's zone"
                    : nodePortListener() && g.serves(Component.KAFKA) ? "A nodeport listener's init container reads the node's address" : null;
            default -> null;
        };
    }

    /** The instance a Kafka Connect or geo-replicator group belongs to, when its resource says. */
    public Optional<InstanceRef> instanceOf(PodGroup group) {
        EventStreamsResource r = owners.get(group);
        if (r == null || r instanceof EventStreams) {
            return Optional.empty();
        }
        return Installations.instanceOf(r).map(name -> new InstanceRef(Installations.remoteNamespace(r).orElse(null), name));
    }

    /** Where a Kafka Connect or geo-replicator group reaches brokers (empty for other groups). */
    public List<KafkaTarget> kafkaTargets(PodGroup group) {
        return kafkaTargets.getOrDefault(group, List.of());
    }

    /** What could not be placed while reading the installation, one sentence each, for stderr. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * The Kafka pods: one group per node pool when the instance declares pools (11.7 and later), else one
     * group, dual-role when the KRaft set applies (the 11.1-11.7 KRaft preview ran every node as both).
     */
    private void addKafka(EventStreams instance, StrimziOverrides o, Condition.Features features) {
        List<NodePool> pools = o == null || o.getNodePools() == null ? List.of() : o.getNodePools();
        if (pools.isEmpty()) {
            KafkaRoles roles = tables.kraft() ? new KafkaRoles(null, true, true) : null;
            add(new PodGroup(Component.KAFKA, instance.getMetadata().getName(), roles), instance, features);
            return;
        }
        for (NodePool pool : pools) {
            // A ZooKeeper-era instance (11.7) runs broker pools only; a controller role there means the migration.
            add(new PodGroup(Component.KAFKA, instance.getMetadata().getName(),
                    new KafkaRoles(pool.getName(), pool.isBroker(), pool.isController())), instance, features);
        }
    }

    /** The documented table sets this installation's policies are written from, and why. */
    public TableChoice tables() {
        return tables;
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

    /** The groups the rows of {@code component} apply to (see {@link PodGroup#serves}). */
    public List<PodGroup> groupsOf(Component component) {
        return groups().stream().filter(g -> g.serves(component)).toList();
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

    /** Whether a listener has {@code type: nodeport}: its brokers' init container then reads their node's address. */
    public boolean nodePortListener() {
        return listeners.stream().anyMatch(l -> "nodeport".equals(l.getType()));
    }

    /**
     * The REST endpoints a group's component declares ({@code spec.adminApi.endpoints}, ...), in the order
     * written; empty for components without them.
     */
    public List<RestEndpoint> endpoints(PodGroup group) {
        if (!(owners.get(group) instanceof EventStreams es) || es.getSpec() == null) {
            return List.of();
        }
        EventStreamsSpec spec = es.getSpec();
        RestComponentSpec component = switch (group.component()) {
            case ADMIN_API -> spec.getAdminApi();
            case ADMIN_UI -> spec.getAdminUI();
            case REST_PRODUCER -> spec.getRestProducer();
            case SCHEMA_REGISTRY -> spec.getApicurioRegistry();
            default -> null;
        };
        return component == null ? List.of() : component.endpointList().stream().filter(e -> e != null && e.getContainerPort() != null).toList();
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
        add(new PodGroup(c, owner.getMetadata().getName()), owner, f);
    }

    private void add(PodGroup g, EventStreamsResource owner, Condition.Features f) {
        groups.put(g, f);
        owners.put(g, owner);
    }

    private void addIf(boolean present, Component c, EventStreamsResource owner, boolean internalTls) {
        if (present) {
            add(c, owner, new Condition.Features(false, false, internalTls));
        }
    }

    private static Condition.Features features(MetricsSpec spec, boolean internalTls) {
        return new Condition.Features(spec != null && spec.exportsMetrics(), false, internalTls);
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
