package dev.esnetpol.generate;

import dev.esnetpol.catalogue.TableSet;
import dev.esnetpol.model.RestEndpoint;
import dev.esnetpol.catalogue.Catalogue;
import dev.esnetpol.catalogue.Component;
import dev.esnetpol.catalogue.Condition;
import dev.esnetpol.catalogue.EgressRow;
import dev.esnetpol.catalogue.IngressRow;
import dev.esnetpol.catalogue.Origin;
import dev.esnetpol.catalogue.Reconciliations;
import dev.esnetpol.model.ExternalTargets;
import dev.esnetpol.model.Listener;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the catalogue into the concrete flows of one installation: every ingress row and every egress row
 * whose component runs and whose condition holds, reconciled (a documented egress flow is also admitted
 * at its destination), hardened (a flow between the instance's own pods is also let out of its source),
 * plus what the installation needs to work that the spec does not list (DNS, the API server, the
 * listeners Kafka Connect and the geo-replicator connect to, their external targets).
 */
public final class FlowResolver {

    private static final String TCP = Catalogue.TCP;

    private final InstallationFacts facts;
    private final GeneratorOptions options;
    private final Map<Key, Flow> flows = new LinkedHashMap<>();

    private record Key(Endpoint from, Endpoint to, Integer port, String protocol) {
    }

    private FlowResolver(InstallationFacts facts, GeneratorOptions options) {
        this.facts = facts;
        this.options = options;
    }

    public static List<Flow> resolve(InstallationFacts facts, GeneratorOptions options) {
        FlowResolver resolver = new FlowResolver(facts, options);
        // Every ingress row of every set that applies first, so that an egress row finds the ingress flows of
        // both sets when it asks whether its destination already admits it (the migration window has both).
        for (TableSet set : facts.tables().sets()) {
            Catalogue.of(set).ingress().forEach(resolver::addIngressRow);
        }
        for (TableSet set : facts.tables().sets()) {
            Catalogue catalogue = Catalogue.of(set);
            catalogue.egress().forEach(row -> resolver.addEgressRow(catalogue, row));
        }
        resolver.addSupplements();
        List<Flow> out = new ArrayList<>();
        for (Flow f : resolver.flows.values()) {
            Flow kept = options.egress() ? f
                    : new Flow(f.from(), f.to(), f.port(), f.protocol(), f.reason(), f.basis(), f.ingress(), false);
            if (kept.ingress() || kept.egress()) {
                out.add(kept);
            }
        }
        return out;
    }

    private void addIngressRow(IngressRow row) {
        for (PodGroup destination : facts.groupsOf(row.component())) {
            Endpoint to = new Endpoint.Pods(destination);
            if (row.condition() instanceof Condition.ListenerEnabled enabled) {
                // The spec's 9092/9093/9094 rows stand for the configured listeners, each on its own port.
                for (Listener l : facts.listeners()) {
                    if (l.kind() == enabled.listener()) {
                        Endpoint from = l.openToAnywhere() ? new Endpoint.Anywhere() : Endpoint.GivenPeers.ofListener(l.getName(), l.peers());
                        add(from, to, l.getPort(), TCP, row.reason() + " (listener " + l.getName() + ")", Flow.Basis.SPEC_INGRESS, true, false);
                        List<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer> router = facts.platform(destination).platform().routerPeers();
                        if (!l.openToAnywhere() && "route".equals(l.getType()) && !router.isEmpty()) {
                            // A route reaches the brokers through the router: narrowing the listener's peers to the
                            // clients' namespaces would otherwise cut every client of the route off.
                            add(Endpoint.GivenPeers.router(router), to, l.getPort(), TCP, "Route traffic through the router (listener "
                                    + l.getName() + ")", Flow.Basis.SUPPLEMENT, true, false);
                        }
                    }
                }
                continue;
            }
            if (!row.condition().holds(facts.features(destination))) {
                continue;
            }
            Origin origin = row.origin();
            if (Catalogue.standsForEndpoints(row)) {
                for (RestEndpoint e : facts.endpoints(destination)) {
                    add(new Endpoint.Anywhere(), to, e.getContainerPort(), row.protocol(),
                            row.reason() + " (endpoint " + e.getName() + ")", Flow.Basis.SPEC_INGRESS, true, false);
                }
            }
            if (origin instanceof Origin.Anywhere && Catalogue.isScrapeRow(row) && !options.metricsFrom().isEmpty()) {
                // The platform team named who scrapes: "Anywhere" narrowed to those peers.
                add(metricsPeers(), to, row.port(), row.protocol(), row.reason(), Flow.Basis.SPEC_INGRESS, true, false);
            } else if (origin instanceof Origin.Anywhere) {
                add(new Endpoint.Anywhere(), to, row.port(), row.protocol(), row.reason(), Flow.Basis.SPEC_INGRESS, true, false);
            } else if (origin instanceof Origin.AnyInstancePod) {
                if (facts.hasEventStreams()) {
                    add(new Endpoint.InstancePods(facts.instanceName()), to, row.port(), row.protocol(), row.reason(),
                            Flow.Basis.SPEC_INGRESS, true, false);
                    for (PodGroup source : facts.groups()) {
                        if (origin.admitsInstancePod(source.component())) {
                            add(new Endpoint.Pods(source), to, row.port(), row.protocol(), row.reason(), Flow.Basis.HARDENING, false, true);
                        }
                    }
                }
            } else if (origin instanceof Origin.Pods pods) {
                for (Component c : Component.values()) {
                    if (!pods.components().contains(c)) {
                        continue;
                    }
                    if (c.isClusterWide()) {
                        add(new Endpoint.ClusterOperator(), to, row.port(), row.protocol(), row.reason(), Flow.Basis.SPEC_INGRESS, true, false);
                    } else if (destination.component().hasOwnResource() && !c.hasOwnResource()) {
                        // An instance's component into a Kafka Connect or geo-replicator: named by the instance's labels,
                        // whether or not the instance is among the inputs (its own egress row lets it out).
                        facts.instanceOf(destination).ifPresent(ref -> add(ref.component(c), to, row.port(), row.protocol(),
                                row.reason(), Flow.Basis.SPEC_INGRESS, true, false));
                    } else {
                        for (PodGroup source : peersOf(c, destination)) {
                            add(new Endpoint.Pods(source), to, row.port(), row.protocol(), row.reason(), Flow.Basis.HARDENING, true, true);
                        }
                    }
                }
            }
        }
    }

    private void addEgressRow(Catalogue catalogue, EgressRow row) {
        List<Endpoint> sources = new ArrayList<>();
        if (row.component().isClusterWide()) {
            sources.add(new Endpoint.ClusterOperator());
        } else {
            facts.groupsOf(row.component()).forEach(g -> sources.add(new Endpoint.Pods(g)));
        }
        if (row.destination().hasOwnResource() && !row.component().hasOwnResource() && !row.component().isClusterWide()) {
            addEgressRowToOwnResource(catalogue, row, sources);
            return;
        }
        for (Endpoint from : sources) {
            List<PodGroup> destinations = from instanceof Endpoint.Pods p ? peersOf(row.destination(), p.group())
                    : facts.groupsOf(row.destination());
            for (PodGroup destination : destinations) {
                Endpoint to = new Endpoint.Pods(destination);
                int port = servedPort(catalogue, row, destination);
                Key key = new Key(from, to, port, row.protocol());
                Flow existing = flows.get(key);
                if (existing != null) {
                    flows.put(key, new Flow(from, to, port, row.protocol(), existing.reason(), Flow.Basis.SPEC_BOTH,
                            existing.ingress(), existing.egress()));
                } else {
                    // The union wins: no ingress row admits this documented egress flow, so admit it.
                    add(from, to, port, row.protocol(), row.reason(), Flow.Basis.RECONCILED, true, from instanceof Endpoint.Pods);
                }
            }
        }
    }

    /**
     * An instance component's row to Kafka Connect or the geo-replicator (admin API → 8083). Those run for
     * resources of their own, which may be rendered without the instance and the instance without them, so
     * each side is written from what it knows: the source lets the row out to the page's "Pod Label"
     * ({@code app.kubernetes.io/name=kafka-connect}, any namespace), and each Kafka Connect admits the
     * component of its own instance by that instance's labels. Together they allow exactly the documented
     * pairs; rendered file by file they give the same policies.
     */
    private void addEgressRowToOwnResource(Catalogue catalogue, EgressRow row, List<Endpoint> sources) {
        Flow.Basis basis = Reconciliations.of(catalogue.ingress(), List.of(row)).isEmpty() ? Flow.Basis.SPEC_BOTH : Flow.Basis.RECONCILED;
        for (Endpoint from : sources) {
            add(from, new Endpoint.ComponentPods(row.destination()), row.port(), row.protocol(), row.reason(), basis, false, true);
        }
        for (PodGroup destination : facts.groupsOf(row.destination())) {
            facts.instanceOf(destination).ifPresent(ref -> add(ref.component(row.component()), new Endpoint.Pods(destination),
                    row.port(), row.protocol(), row.reason(), basis, true, false));
        }
    }

    /**
     * The port the destination really serves for an egress row in this configuration. The egress tables were
     * written for the default configuration: the cluster operator's rows say 7443, but with internal TLS off
     * the admin API, metrics collector and REST producer serve that traffic on 7080 and nothing listens on
     * 7443. When every ingress row of the destination on the row's port is switched off by internal TLS, the
     * flow goes to the port of the destination's row for the other internal-TLS setting, same origin.
     */
    private int servedPort(Catalogue catalogue, EgressRow row, PodGroup destination) {
        Condition.Features features = facts.features(destination);
        List<IngressRow> onPort = catalogue.ingressOf(row.destination()).stream()
                .filter(r -> r.port() == row.port() && r.protocol().equals(row.protocol())).toList();
        if (onPort.isEmpty() || onPort.stream().anyMatch(r -> r.condition().holds(features))) {
            return row.port();
        }
        for (IngressRow off : onPort) {
            if (off.condition() instanceof Condition.InternalTls tls) {
                for (IngressRow other : catalogue.ingressOf(row.destination())) {
                    if (other.condition().equals(new Condition.InternalTls(!tls.enabled())) && other.origin().equals(off.origin())
                            && other.condition().holds(features)) {
                        return other.port();
                    }
                }
            }
        }
        return row.port();
    }

    private Endpoint metricsPeers() {
        return Endpoint.GivenPeers.metricsScrapers(options.metricsFrom());
    }

    private void addSupplements() {
        if (!options.metricsFrom().isEmpty()) {
            // Kafka Exporter has no row (its metrics stay closed by default); once scrapers are named, they get its 9404.
            for (PodGroup exporter : facts.groupsOf(Component.KAFKA_EXPORTER)) {
                add(metricsPeers(), new Endpoint.Pods(exporter), Catalogue.METRICS_PORT, TCP, "Prometheus access to Kafka Exporter metrics",
                        Flow.Basis.SUPPLEMENT, true, false);
            }
        }
        if (facts.tables().kraft()) {
            // The page gives the cluster operator no path to the controllers (versions.md, B4). Upstream Strimzi,
            // which the operator embeds, admits it on the control-plane port: it checks the quorum there before it
            // rolls a controller. Without it a controller restart is never judged safe.
            for (PodGroup controller : facts.groupsOf(Component.KAFKA_CONTROLLER)) {
                add(new Endpoint.ClusterOperator(), new Endpoint.Pods(controller), Catalogue.CONTROL_PLANE_PORT, TCP,
                        "Cluster operator checks the controller quorum during rolling updates", Flow.Basis.SUPPLEMENT, true, false);
            }
        }
        if (facts.tables().zookeeper() && facts.tables().kraft()) {
            // The ZooKeeper to KRaft migration (both sets): the controllers run with zookeeper.connect and copy the
            // metadata out of ZooKeeper (KIP-866; Strimzi's KRaft migration, proposal 059), so they are ZooKeeper
            // clients until the migration ends. Neither table lists it; without it the migration stalls.
            for (PodGroup controller : facts.groupsOf(Component.KAFKA_CONTROLLER)) {
                for (PodGroup zookeeper : facts.groupsOf(Component.ZOOKEEPER)) {
                    add(new Endpoint.Pods(controller), new Endpoint.Pods(zookeeper), Catalogue.ZOOKEEPER_CLIENT_PORT, TCP,
                            "Controllers read and mirror ZooKeeper's metadata during the ZooKeeper to KRaft migration", Flow.Basis.SUPPLEMENT, true, true);
                }
            }
        }
        for (PodGroup g : facts.groups()) {
            Endpoint from = new Endpoint.Pods(g);
            for (int port : options.dnsPorts(facts.platform(g).platform())) {
                add(from, new Endpoint.Dns(), port, "UDP", "DNS lookups", Flow.Basis.SUPPLEMENT, false, true);
                add(from, new Endpoint.Dns(), port, TCP, "DNS lookups", Flow.Basis.SUPPLEMENT, false, true);
            }
            String apiReason = facts.apiServerReason(g);
            if (apiReason != null) {
                for (int port : options.apiServerPorts()) {
                    add(from, new Endpoint.ApiServer(), port, TCP, apiReason, Flow.Basis.SUPPLEMENT, false, true);
                }
            }
            if (g.component().hasOwnResource()) {
                for (InstallationFacts.KafkaTarget t : facts.kafkaTargets(g)) {
                    add(from, t.instance().component(Component.KAFKA), t.port(), TCP, "Kafka client traffic (" + t.what() + ")",
                            Flow.Basis.SUPPLEMENT, false, true);
                }
                for (ExternalTargets.Target t : facts.externalTargets(g).targets()) {
                    add(from, t.anywhere() ? new Endpoint.Anywhere() : new Endpoint.External(t.cidr()), t.port(), t.protocol(),
                            g.component() == Component.GEO_REPLICATOR ? "Remote clusters outside this one" : "Connector targets outside the cluster",
                            Flow.Basis.SUPPLEMENT, false, true);
                }
            }
        }
    }

    /**
     * The groups of {@code component} that may talk to {@code other}. Kafka Connect and geo-replicator
     * pods talk only to pods of their own resource: two Kafka Connect clusters are strangers.
     */
    private List<PodGroup> peersOf(Component component, PodGroup other) {
        if (component == other.component() && component.hasOwnResource()) {
            return List.of(other);
        }
        return facts.groupsOf(component);
    }

    private void add(Endpoint from, Endpoint to, Integer port, String protocol, String reason, Flow.Basis basis,
                     boolean ingress, boolean egress) {
        Key key = new Key(from, to, port, protocol);
        Flow existing = flows.get(key);
        if (existing == null) {
            flows.put(key, new Flow(from, to, port, protocol, reason, basis, ingress, egress));
        } else {
            flows.put(key, new Flow(from, to, port, protocol, Objects.requireNonNullElse(existing.reason(), reason),
                    existing.basis(), existing.ingress() || ingress, existing.egress() || egress));
        }
    }
}
