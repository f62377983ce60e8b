package dev.esnetpol.model;

import dev.esnetpol.input.InputProblem;
import dev.esnetpol.input.YamlDocument;
import dev.esnetpol.kube.Suggestions;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The kinds that exist in the API groups of Event Streams and Strimzi. es-netpol skips the kinds it does not
 * use, but a kind that exists in no such group ({@code kind: EventStream}) is a mistake kubectl refuses ("no
 * matches for kind"): skipping it would leave an instance without policies and exit 0.
 *
 * <p>Sources: the Event Streams operator's CustomResourceDefinitions ({@code eventstreams.ibm.com}: its own kinds
 * and the Strimzi kinds it re-publishes under its group; IBM/ibm-event-automation, event-streams CRDs), and
 * Strimzi's ({@code kafka.strimzi.io}, {@code core.strimzi.io}, {@code access.strimzi.io};
 * strimzi/strimzi-kafka-operator, packaging/install/cluster-operator/04x-Crd-*.yaml). A kind listed here that a
 * release lacks costs nothing: it is skipped like any other kind es-netpol does not use.
 */
public final class ApiGroupKinds {

    private static final Set<String> STRIMZI_KAFKA = Set.of("Kafka", "KafkaConnect", "KafkaConnector", "KafkaMirrorMaker",
            "KafkaMirrorMaker2", "KafkaBridge", "KafkaTopic", "KafkaUser", "KafkaRebalance", "KafkaNodePool");

    private static final Map<String, Set<String>> KINDS = Map.of(
            EventStreamsResource.GROUP, union(Set.of("EventStreams", "EventStreamsGeoReplicator"), STRIMZI_KAFKA),
            "kafka.strimzi.io", STRIMZI_KAFKA,
            "core.strimzi.io", Set.of("StrimziPodSet"),
            "access.strimzi.io", Set.of("KafkaAccess"));

    private ApiGroupKinds() {
    }

    /**
     * The problem with a document of an Event Streams or Strimzi API group whose kind the group does not have
     * (at {@code kind}, with "did you mean"); empty for every other document. A {@code <Kind>List} is accepted
     * as the API server accepts it.
     */
    public static Optional<InputProblem> unknownKind(YamlDocument doc) {
        String apiVersion = doc.apiVersion();
        int slash = apiVersion.indexOf('/');
        Set<String> kinds = slash < 0 ? null : KINDS.get(apiVersion.substring(0, slash));
        String kind = doc.kind();
        if (kinds == null || kind.isEmpty() || kinds.contains(kind) || (kind.endsWith("List") && kinds.contains(kind.substring(0, kind.length() - 4)))) {
            return Optional.empty();
        }
        String suggestion = Suggestions.didYouMean(kind, kinds);
        return Optional.of(doc.problem("kind", "no kind '" + kind + "' in API group " + apiVersion.substring(0, slash)
                + (suggestion.isEmpty() ? " (its kinds: " + String.join(", ", new TreeSet<>(kinds)) + ")" : suggestion)
                + "; kubectl would refuse it (no matches for kind)"));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
