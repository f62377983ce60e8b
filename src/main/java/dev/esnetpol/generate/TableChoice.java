package dev.esnetpol.generate;

import dev.esnetpol.catalogue.Labels;
import dev.esnetpol.catalogue.TableSet;
import dev.esnetpol.input.InputProblem;
import dev.esnetpol.input.InvalidInputException;
import dev.esnetpol.model.EventStreams;
import dev.esnetpol.model.NodePool;
import dev.esnetpol.model.ResourceReader;
import dev.esnetpol.model.StrimziOverrides;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which documented table sets an instance's policies are written from, and why. {@code spec.version} says
 * {@code latest} since 11.1 and cannot tell (kraft.md), so the choice reads what the resource declares:
 * <ol>
 *   <li>a forced set ({@code --tables}) wins where the resource declares nothing, and is refused where it
 *       contradicts it (unless {@code --tables-override} writes both);</li>
 *   <li>ZooKeeper and a node pool with the controller role: the 11.7 → 11.8 migration, when both kinds of pod
 *       run; both sets apply;</li>
 *   <li>a node pool with the controller role: KRaft (mandatory from 11.8);</li>
 *   <li>ZooKeeper in a {@code v1} resource: an earlier instance read through v1; ZooKeeper runs (a warning);</li>
 *   <li>{@code apiVersion: eventstreams.ibm.com/v1}: 13.0, KRaft only;</li>
 *   <li>the 11.5-11.7 preview annotation {@code eventstreams.ibm.com/kraft: enabled}: KRaft;</li>
 *   <li>otherwise (ZooKeeper declared, or nothing that says KRaft): the seed's set, 10.1-11.7.</li>
 * </ol>
 *
 * @param sets   one set, or both during the migration (never empty)
 * @param reason why, in words for the {@code es-netpol/tables-reason} annotation and the docs
 */
public record TableChoice(Set<TableSet> sets, String reason) {

    /** Both sets: for the components whose rows are the same in every set (Kafka Connect, geo-replicator). */
    public static final TableChoice EVERY_SET = new TableChoice(EnumSet.allOf(TableSet.class),
            "Kafka Connect and geo-replicator rows are the same in every table set");

    public TableChoice {
        sets = Set.copyOf(EnumSet.copyOf(sets));
    }

    /** The choice for an instance (empty for Kafka Connect or a geo-replicator without one); see {@link #of(Optional, Optional, boolean)}. */
    public static TableChoice of(Optional<EventStreams> instance, Optional<TableSet> forced) {
        return of(instance, forced, false);
    }

    /**
     * The choice for an instance. A forced set that contradicts what the instance declares (ZooKeeper, a
     * controller pool, {@code v1}, the preview annotation) would close ports its pods need (the control plane
     * 9090, ZooKeeper's 2181): it is refused, or with {@code keepDeclared} written together with the declared set.
     * Forcing is free where the resource declares nothing either way.
     *
     * @param keepDeclared {@code --tables-override}: write the forced set's rows and keep the declared set's
     * @throws InvalidInputException when {@code forced} contradicts the instance and {@code keepDeclared} is off
     */
    public static TableChoice of(Optional<EventStreams> instance, Optional<TableSet> forced, boolean keepDeclared) {
        if (instance.isEmpty()) {
            return forced.map(f -> new TableChoice(Set.of(f), "forced by --tables " + f.id())).orElse(new TableChoice(Set.of(TableSet.KRAFT),
                    "no EventStreams instance among the inputs; Kafka Connect and geo-replicator rows are the same in every set"));
        }
        Declared declared = declared(instance.get());
        if (forced.isEmpty()) {
            return declared.choice();
        }
        TableSet set = forced.get();
        if (!declared.evidence() || declared.choice().sets().equals(Set.of(set))) {
            return new TableChoice(Set.of(set), "forced by --tables " + set.id());
        }
        EventStreams es = instance.get();
        if (keepDeclared) {
            Set<TableSet> both = EnumSet.copyOf(declared.choice().sets());
            both.add(set);
            return new TableChoice(both, "forced by --tables " + set.id() + " with --tables-override, the declared set kept: "
                    + declared.choice().reason());
        }
        String closes = declared.choice().kraft() && set != TableSet.KRAFT
                ? "its controllers' control plane " + dev.esnetpol.catalogue.Catalogue.CONTROL_PLANE_PORT + " would be closed"
                : "its ZooKeeper would get no policy and its brokers no way to " + dev.esnetpol.catalogue.Catalogue.ZOOKEEPER_CLIENT_PORT;
        throw new InvalidInputException(InputProblem.at("<command line>", "--tables", "--tables " + set.id() + " contradicts EventStreams "
                + (es.getMetadata().getNamespace() == null ? "" : es.getMetadata().getNamespace() + "/") + es.getMetadata().getName()
                + ", which declares the " + declared.choice().id() + " set (" + declared.choice().reason() + "): " + closes
                + ". Leave --tables out to read the set from the resource, or add --tables-override to write both sets' rows"));
    }

    /** What an instance declares, and whether anything in it says so (a resource that says nothing may be forced freely). */
    private record Declared(TableChoice choice, boolean evidence) {
    }

    private static Declared declared(EventStreams es) {
        StrimziOverrides o = es.getSpec() == null ? null : es.getSpec().getStrimziOverrides();
        boolean zookeeper = o != null && o.getZookeeper() != null;
        List<String> controllerPools = o == null || o.getNodePools() == null ? List.of()
                : o.getNodePools().stream().filter(p -> p != null && p.isController()).map(NodePool::getName).toList();
        String pools = controllerPools.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
        if (zookeeper && !controllerPools.isEmpty()) {
            return new Declared(new TableChoice(EnumSet.allOf(TableSet.class), "ZooKeeper and controller node pool " + pools
                    + ": the 11.7 to 11.8 migration, when ZooKeeper and controller pods run side by side"), true);
        }
        if (!controllerPools.isEmpty()) {
            return new Declared(new TableChoice(Set.of(TableSet.KRAFT), "node pool " + pools + " has the controller role (KRaft, 11.8 and later)"), true);
        }
        boolean v1 = ResourceReader.V1.equals(es.getApiVersion());
        if (zookeeper && v1) {
            // 13.0 has no ZooKeeper: a v1 resource holding one is an earlier instance read through the v1 version the
            // CRDs serve (kubectl get returns the preferred version). It runs ZooKeeper; its policies must admit it.
            return new Declared(new TableChoice(Set.of(TableSet.ZOOKEEPER), "ZooKeeper is declared (10.1 to 11.7), although the resource is "
                    + ResourceReader.V1 + ", which 13.0 serves without ZooKeeper"), true);
        }
        if (v1) {
            return new Declared(new TableChoice(Set.of(TableSet.KRAFT), ResourceReader.V1 + " exists only from 13.0, which runs KRaft only"), true);
        }
        Map<String, String> annotations = es.getMetadata().getAnnotations();
        if (annotations != null && "enabled".equals(annotations.get(Labels.KRAFT_ANNOTATION))) {
            return new Declared(new TableChoice(Set.of(TableSet.KRAFT),
                    "annotation " + Labels.KRAFT_ANNOTATION + ": enabled (KRaft preview, 11.5 to 11.7)"), true);
        }
        return zookeeper ? new Declared(new TableChoice(Set.of(TableSet.ZOOKEEPER), "ZooKeeper is declared (10.1 to 11.7)"), true)
                : new Declared(new TableChoice(Set.of(TableSet.ZOOKEEPER),
                "no controller node pool, no ZooKeeper and no KRaft annotation: the 10.1 to 11.7 set"), false);
    }

    /**
     * A warning for an instance whose resource contradicts itself, or null: {@code zookeeper} in a
     * {@code v1} resource (13.0 runs no ZooKeeper; kubectl returns v1 for an earlier instance when the CRDs serve it).
     */
    public static String contradiction(EventStreams es) {
        StrimziOverrides o = es.getSpec() == null ? null : es.getSpec().getStrimziOverrides();
        if (o != null && o.getZookeeper() != null && ResourceReader.V1.equals(es.getApiVersion())) {
            return "EventStreams " + (es.getMetadata().getNamespace() == null ? "" : es.getMetadata().getNamespace() + "/")
                    + es.getMetadata().getName() + ": spec.strimziOverrides.zookeeper in a " + ResourceReader.V1
                    + " resource (13.0 runs no ZooKeeper): rendered with the 10.1-11.7 set, as the ZooKeeper it declares runs; "
                    + "read it in the version it was written in (kubectl get eventstreams.v1beta2.eventstreams.ibm.com NAME -o yaml)";
        }
        return null;
    }

    /** Whether the instance runs KRaft controllers (the KRaft set applies). */
    public boolean kraft() {
        return sets.contains(TableSet.KRAFT);
    }

    /** Whether ZooKeeper rows apply. */
    public boolean zookeeper() {
        return sets.contains(TableSet.ZOOKEEPER);
    }

    /** The annotation value: the sets' ids joined with {@code +}, oldest first. */
    public String id() {
        return EnumSet.copyOf(sets).stream().map(TableSet::id).collect(Collectors.joining("+"));
    }
}
