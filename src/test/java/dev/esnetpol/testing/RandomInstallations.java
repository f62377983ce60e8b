package dev.esnetpol.testing;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.List;

/**
 * Random but valid Event Streams installations as YAML, the way a user could write them: any subset of
 * the optional components, list or map listeners (with or without peers), metrics, JMX, internal TLS on
 * or off, Kafka Connect clusters and geo-replicators. For property tests of the generator and, through
 * verify, of the policies' semantics.
 */
public final class RandomInstallations {

    private RandomInstallations() {
    }

    private static final List<String> OPTIONAL = List.of("adminApi: {}", "adminUI: {}", "restProducer: {}",
            "apicurioRegistry: {}", "collector: {}");
    private static final List<String> STRIMZI = List.of("cruiseControl: {}", "entityOperator: {}", "kafkaExporter: {}");

    public static Arbitrary<String> installations() {
        Arbitrary<List<String>> components = Arbitraries.subsetOf(OPTIONAL).map(s -> OPTIONAL.stream().filter(s::contains).toList());
        Arbitrary<List<String>> strimzi = Arbitraries.subsetOf(STRIMZI).map(s -> STRIMZI.stream().filter(s::contains).toList());
        Arbitrary<String> listeners = Arbitraries.oneOf(mapListeners(), listListeners());
        Arbitrary<Boolean> bool = Arbitraries.of(true, false);
        Arbitrary<Integer> connects = Arbitraries.integers().between(0, 2);
        Arbitrary<Integer> georeps = Arbitraries.integers().between(0, 1);
        return Combinators.combine(List.of(components.map(x -> (Object) x), strimzi.map(x -> (Object) x), listeners.map(x -> (Object) x),
                bool.map(x -> (Object) x), bool.map(x -> (Object) x), bool.map(x -> (Object) x), bool.map(x -> (Object) x),
                connects.map(x -> (Object) x), georeps.map(x -> (Object) x))).as(values -> {
            @SuppressWarnings("unchecked") List<String> comps = (List<String>) values.get(0);
            @SuppressWarnings("unchecked") List<String> strimziComps = (List<String>) values.get(1);
            return render(comps, strimziComps, (String) values.get(2), (Boolean) values.get(3), (Boolean) values.get(4),
                    (Boolean) values.get(5), (Boolean) values.get(6), (Integer) values.get(7), (Integer) values.get(8));
        });
    }

    private static Arbitrary<String> mapListeners() {
        return Arbitraries.subsetOf("plain", "tls", "external").filter(s -> !s.isEmpty()).map(s -> {
            StringBuilder sb = new StringBuilder();
            for (String name : List.of("plain", "tls", "external")) {
                if (s.contains(name)) {
                    sb.append("        ").append(name).append(name.equals("external") ? ": {type: route}\n" : ": {}\n");
                }
            }
            return sb.toString();
        });
    }

    private static Arbitrary<String> listListeners() {
        Arbitrary<String> one = Combinators.combine(Arbitraries.integers().between(9092, 9099), Arbitraries.of(0, 1, 2))
                .as((port, peers) -> port + ":" + peers);
        return one.list().ofMinSize(1).ofMaxSize(3).uniqueElements(s -> s.split(":")[0]).map(items -> {
            StringBuilder sb = new StringBuilder();
            int i = 0;
            for (String item : items) {
                String[] parts = item.split(":");
                int port = Integer.parseInt(parts[0]);
                if (port == 9091) {
                    continue;
                }
                sb.append("        - name: l").append(i++).append("\n          port: ").append(port)
                        .append("\n          type: internal\n          tls: true\n");
                switch (Integer.parseInt(parts[1])) {
                    case 1 -> sb.append("          networkPolicyPeers:\n            - podSelector: {matchLabels: {app: client}}\n");
                    case 2 -> sb.append("          networkPolicyPeers:\n            - namespaceSelector: {matchLabels: {team: apps}}\n"
                            + "            - ipBlock: {cidr: 10.20.0.0/16, except: [10.20.1.0/24]}\n");
                    default -> { }
                }
            }
            return sb.toString();
        });
    }

    static String render(List<String> components, List<String> strimzi, String listeners, boolean kafkaMetrics, boolean jmx,
                         boolean zkMetrics, boolean internalTls, int connects, int georeps) {
        StringBuilder sb = new StringBuilder("""
                apiVersion: eventstreams.ibm.com/v1beta2
                kind: EventStreams
                metadata: {name: es, namespace: ns, uid: 00000000-0000-0000-0000-000000000001}
                spec:
                """);
        components.forEach(c -> sb.append("  ").append(c).append('\n'));
        sb.append("  security: {internalTls: ").append(internalTls ? "TLSv1.2" : "NONE").append("}\n");
        sb.append("  strimziOverrides:\n    kafka:\n      listeners:\n").append(listeners);
        if (kafkaMetrics) {
            sb.append("      metricsConfig: {type: jmxPrometheusExporter}\n");
        }
        if (jmx) {
            sb.append("      jmxOptions: {}\n");
        }
        sb.append("    zookeeper:").append(zkMetrics ? "\n      metricsConfig: {type: jmxPrometheusExporter}\n" : " {}\n");
        strimzi.forEach(c -> sb.append("    ").append(c).append('\n'));
        List<String> docs = new ArrayList<>(List.of(sb.toString()));
        for (int i = 0; i < connects; i++) {
            docs.add("""
                    apiVersion: eventstreams.ibm.com/v1beta2
                    kind: KafkaConnect
                    metadata: {name: connect%d, namespace: ns, labels: {eventstreams.ibm.com/cluster: es}}
                    spec: {bootstrapServers: "es-kafka-bootstrap:9093"%s}
                    """.formatted(i, i == 0 ? ", metricsConfig: {type: jmxPrometheusExporter}" : ""));
        }
        for (int i = 0; i < georeps; i++) {
            docs.add("""
                    apiVersion: eventstreams.ibm.com/v1beta1
                    kind: EventStreamsGeoReplicator
                    metadata: {name: es, namespace: ns, labels: {eventstreams.ibm.com/cluster: es}}
                    spec: {replicas: 1}
                    """);
        }
        return String.join("---\n", docs);
    }
}
