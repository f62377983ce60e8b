package dev.esnetpol.generate;

import dev.esnetpol.catalogue.Labels;
import dev.esnetpol.catalogue.TableSet;
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
 *   <li>a forced set ({@code --tables}) wins;</li>
 *   <li>ZooKeeper and a node pool with the controller role: the 11.7 → 11.8 migration, when both kinds of pod
 *       run; both sets apply;</li>
 *   <li>a node pool with the controller role: KRaft (mandatory from 11.8);</li>
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

    /** The choice for an instance (empty for Kafka Connect or a geo-replicator without one). */
    public static TableChoice of(Optional<EventStreams> instance, Optional<TableSet> forced) {
        if (forced.isPresent()) {
            return new TableChoice(Set.of(forced.get()), "forced by --tables " + forced.get().id());
        }
        if (instance.isEmpty()) {
            return new TableChoice(Set.of(TableSet.KRAFT),
                    "no EventStreams instance among the inputs; Kafka Connect and geo-replicator rows are the same in every set");
        }
        EventStreams es = instance.get();
        StrimziOverrides o = es.getSpec() == null ? null : es.getSpec().getStrimziOverrides();
        boolean zookeeper = o != null && o.getZookeeper() != null;
        List<String> controllerPools = o == null || o.getNodePools() == null ? List.of()
                : o.getNodePools().stream().filter(p -> p != null && p.isController()).map(NodePool::getName).toList();
        String pools = controllerPools.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
        if (zookeeper && !controllerPools.isEmpty()) {
            return new TableChoice(EnumSet.allOf(TableSet.class), "ZooKeeper and controller node pool " + pools
                    + ": the 11.7 to 11.8 migration, when ZooKeeper and controller pods run side by side");
        }
        if (!controllerPools.isEmpty()) {
            return new TableChoice(Set.of(TableSet.KRAFT), "node pool " + pools + " has the controller role (KRaft, 11.8 and later)");
        }
        if (ResourceReader.V1.equals(es.getApiVersion())) {
            return new TableChoice(Set.of(TableSet.KRAFT), ResourceReader.V1 + " exists only from 13.0, which runs KRaft only");
        }
        Map<String, String> annotations = es.getMetadata().getAnnotations();
        if (annotations != null && "enabled".equals(annotations.get(Labels.KRAFT_ANNOTATION))) {
            return new TableChoice(Set.of(TableSet.KRAFT), "annotation " + Labels.KRAFT_ANNOTATION + ": enabled (KRaft preview, 11.5 to 11.7)");
        }
        return new TableChoice(Set.of(TableSet.ZOOKEEPER), zookeeper ? "ZooKeeper is declared (10.1 to 11.7)"
                : "no controller node pool, no ZooKeeper and no KRaft annotation: the 10.1 to 11.7 set");
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
