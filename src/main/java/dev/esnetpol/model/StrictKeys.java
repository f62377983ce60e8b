package dev.esnetpol.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.esnetpol.kube.Suggestions;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Unknown keys where es-netpol reads an Event Streams resource. Inside the objects whose keys decide what is
 * opened (a listener, {@code strimziOverrides}, a node pool, {@code security}, an endpoint) every unknown key is
 * that is a near miss of a known one is refused, with "did you mean": {@code networkPolicyPeer:} would otherwise
 * open a listener to anywhere, and {@code zookeper:} drop the ZooKeeper policy. A key near none of them is a
 * warning ({@code --strict} makes it an error): the product's schema has fields es-netpol does not model, and
 * what the API server accepted (a resource exported from a running cluster) must render. In the larger blocks that configure much else ({@code spec},
 * {@code kafka}, {@code zookeeper}), whose full schemas belong to Event Streams and Strimzi, a key is refused only
 * when it is not one of theirs and is a near miss of a key es-netpol reads ({@code metricConfig:} for
 * {@code metricsConfig:}); other keys stay free (conventions.md).
 */
final class StrictKeys {

    private static final Set<String> STRIMZI_OVERRIDES = Set.of("kafka", "zookeeper", "nodePools", "cruiseControl", "entityOperator",
            "kafkaExporter", "jmxTrans", "clusterCa", "clientsCa", "maintenanceTimeWindows");
    private static final Set<String> LISTENER = Set.of("name", "port", "type", "tls", "authentication", "configuration", "networkPolicyPeers");
    // name and port as well: the reader fills them in (fixed per key), and the operator checks the resource as written back.
    private static final Set<String> MAP_LISTENER = Set.of("type", "tls", "authentication", "configuration", "networkPolicyPeers", "overrides",
            "name", "port");
    private static final Set<String> NODE_POOL = Set.of("name", "replicas", "roles", "storage", "resources", "jvmOptions", "template",
            "annotations", "labels");
    private static final Set<String> SECURITY = Set.of("internalTls");
    private static final Set<String> ENDPOINT = Set.of("name", "type", "containerPort", "host", "class", "authenticationMechanisms",
            "certOverrides", "tlsVersion", "annotations", "labels");

    /** Loose blocks: the keys es-netpol reads there, and other keys of the block's schema that look like them. */
    private record Loose(Set<String> read, Set<String> alsoKnown) {
    }

    private static final Loose SPEC = new Loose(Set.of("adminApi", "adminUI", "restProducer", "apicurioRegistry", "collector", "security",
            "strimziOverrides"), Set.of("version", "license", "images", "requestIbmServices", "kafkaProxy"));
    private static final Loose KAFKA = new Loose(Set.of("listeners", "metricsConfig", "metrics", "jmxOptions", "rack"), Set.of("version",
            "metadataVersion", "replicas", "image", "config", "storage", "authorization", "brokerRackInitImage", "livenessProbe",
            "readinessProbe", "jvmOptions", "resources", "logging", "template", "tieredStorage", "quotas"));
    private static final Loose METRICS_BLOCK = new Loose(Set.of("metricsConfig", "metrics"), Set.of("replicas", "image", "storage", "config",
            "livenessProbe", "readinessProbe", "jvmOptions", "jmxOptions", "resources", "logging", "template"));

    private StrictKeys() {
    }

    static void check(EventStreamsResource resource, JsonNode root, Problems problems) {
        JsonNode spec = root.path("spec");
        if (!(resource instanceof EventStreams) || !spec.isObject()) {
            return;
        }
        loose(spec, "spec", SPEC, problems);
        strict(spec.path("security"), "spec.security", SECURITY, problems);
        for (String component : List.of("adminApi", "adminUI", "restProducer", "apicurioRegistry")) {
            each(spec.path(component).path("endpoints"), "spec." + component + ".endpoints", ENDPOINT, problems);
        }
        JsonNode overrides = spec.path("strimziOverrides");
        strict(overrides, "spec.strimziOverrides", STRIMZI_OVERRIDES, problems);
        each(overrides.path("nodePools"), "spec.strimziOverrides.nodePools", NODE_POOL, problems);
        JsonNode kafka = overrides.path("kafka");
        loose(kafka, "spec.strimziOverrides.kafka", KAFKA, problems);
        loose(overrides.path("zookeeper"), "spec.strimziOverrides.zookeeper", METRICS_BLOCK, problems);
        JsonNode listeners = kafka.path("listeners");
        if (listeners.isArray()) {
            each(listeners, "spec.strimziOverrides.kafka.listeners", LISTENER, problems);
        } else if (listeners.isObject()) {
            listeners.fields().forEachRemaining(e -> strict(e.getValue(), "spec.strimziOverrides.kafka.listeners." + e.getKey(), MAP_LISTENER, problems));
        }
    }

    private static void each(JsonNode list, String at, Set<String> known, Problems problems) {
        if (list.isArray()) {
            for (int i = 0; i < list.size(); i++) {
                strict(list.get(i), at + "[" + i + "]", known, problems);
            }
        }
    }

    private static void strict(JsonNode node, String at, Set<String> known, Problems problems) {
        if (!node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            String key = it.next().getKey();
            if (known.contains(key)) {
                continue;
            }
            if (nearMisses(key, known).isEmpty()) {
                // Near nothing es-netpol knows here: a field of the product's schema es-netpol does not model
                // (an exported 11.x resource holds endpoints[].tlsTermination), which the API server decides.
                problems.warn(at + "." + key, "unknown field '" + key + "', near no field es-netpol reads");
            } else {
                problems.add(at + "." + key, "unknown field '" + key + "'" + Suggestions.didYouMean(key, nearMisses(key, known))
                        + " (es-netpol reads this object; a misspelt key here changes what is opened)");
            }
        }
    }

    /**
     * The known keys {@code key} may be a misspelling of. A known key followed by a capitalised word
     * ({@code kafkaProxy} after {@code kafka}) is another camelCase field, not a misspelling of it.
     */
    private static List<String> nearMisses(String key, Set<String> known) {
        return Suggestions.closest(key, known).stream()
                .filter(k -> !(key.length() > k.length() && key.startsWith(k) && Character.isUpperCase(key.charAt(k.length()))))
                .toList();
    }

    private static void loose(JsonNode node, String at, Loose block, Problems problems) {
        if (!node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            String key = it.next().getKey();
            if (block.read().contains(key) || block.alsoKnown().contains(key)) {
                continue;
            }
            if (!nearMisses(key, block.read()).isEmpty()) {
                problems.add(at + "." + key, "unknown field '" + key + "'" + Suggestions.didYouMean(key, nearMisses(key, block.read()))
                        + " (es-netpol reads that one; as written it is ignored)");
            }
        }
    }
}
