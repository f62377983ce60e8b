package dev.esnetpol.analyze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.esnetpol.cli.CliRun;
import dev.esnetpol.input.YamlReading;
import dev.esnetpol.input.YamlSources;
import dev.esnetpol.testing.SharedFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every case of {@code ../shared/conformance/kubernetes-e2e} (Kubernetes e2e, Cyclonus and np-guard facts, see
 * its README) under the default {@link Profile#REFERENCE}: for every table (protocol/port) and every pair it
 * lists, the analyzer allows exactly what upstream expects, asked two ways: through the API (a pod named by
 * workload, an address by its IP: one answer per endpoint) and through {@code es-netpol matrix -o connlist}
 * read back as facts.
 */
class KubernetesE2eConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        List<Path> cases;
        try (Stream<Path> s = Files.list(SharedFiles.resolve("conformance/kubernetes-e2e"))) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(cases.size() >= 42, "kubernetes-e2e cases: " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    /**
     * One case of the {@code kubernetes-e2e} layout ({@code cluster.yaml}, {@code expected.json}) under the
     * reference profile, through the API and through {@code matrix -o connlist}.
     */
    static void check(Path caseDir) throws IOException {
        JsonNode expected = JSON.readTree(caseDir.resolve("expected.json").toFile());
        Path yaml = caseDir.resolve("cluster.yaml");
        // The clusters of this layout (kubernetes-e2e, and the network-policy-api suites in its format) were written
        // for the suite by hand (their READMEs), for a YAML 1.2 reader: namespace y is unquoted, which kubectl
        // (YAML 1.1) reads as the boolean true and could not apply. Read as written, with es-netpol's --yaml 1.2.
        Cluster cluster;
        try (YamlReading.Scope ignored = YamlReading.YAML_1_2.use()) {
            cluster = ClusterLoader.load(YamlSources.read(List.of(yaml.toString()), System.in, true)).cluster();
        }
        Analyzer analyzer = Analyzer.of(cluster);
        Map<String, Node> peers = new LinkedHashMap<>();
        Map<String, String> workloadNames = new LinkedHashMap<>();
        for (Pod p : analyzer.endpoints()) {
            peers.putIfAbsent(p.namespace() + "/" + p.owner().name(), Node.of(p));
            workloadNames.putIfAbsent(p.namespace() + "/" + p.owner().name(), Matrix.workloadName(p));
        }
        CliRun run = CliRun.run("--yaml", "1.2", "matrix", "-o", "connlist", yaml.toString());
        assertEquals(0, run.code(), run.err());
        ConnlistFacts connlist = ConnlistFacts.parse(run.out().lines().toList());
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> tables = expected.path("tables").fields(); tables.hasNext(); ) {
            Map.Entry<String, JsonNode> table = tables.next();
            String protocol = table.getKey().split("/")[0];
            int port = Integer.parseInt(table.getKey().split("/")[1]);
            for (Iterator<Map.Entry<String, JsonNode>> rows = table.getValue().path("allowed").fields(); rows.hasNext(); ) {
                Map.Entry<String, JsonNode> row = rows.next();
                for (Iterator<Map.Entry<String, JsonNode>> cells = row.getValue().fields(); cells.hasNext(); ) {
                    Map.Entry<String, JsonNode> cell = cells.next();
                    boolean want = cell.getValue().asBoolean();
                    String pair = row.getKey() + " -> " + cell.getKey() + " " + table.getKey();
                    Node from = node(peers, row.getKey());
                    Node to = node(peers, cell.getKey());
                    if (from == null || to == null) {
                        mismatches.add(pair + ": peer not in the cluster (" + peers.keySet() + ")");
                        continue;
                    }
                    checked++;
                    boolean api = analyzer.allowed(from, to).allows(protocol, port);
                    if (api != want) {
                        mismatches.add(pair + ": analyzer says " + api + ", upstream " + want);
                    }
                    boolean printed = printed(connlist, workloadNames, row.getKey(), cell.getKey()).allows(protocol, port);
                    if (printed != want) {
                        mismatches.add(pair + ": connlist says " + printed + ", upstream " + want);
                    }
                }
            }
        }
        assertTrue(checked > 0, "no pair checked");
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " of " + checked + " facts differ, first ones:\n"
                    + String.join("\n", mismatches.subList(0, Math.min(15, mismatches.size()))));
        }
    }

    private static boolean isAddress(String peer) {
        return Character.isDigit(peer.charAt(0)) || peer.contains(":");
    }

    private static Node node(Map<String, Node> peers, String name) {
        return isAddress(name) ? Node.ExternalNode.parse(name) : peers.get(name);
    }

    /** What the connlist lines say about one pair: a line between workloads, or the external range holding the address. */
    private static Connections printed(ConnlistFacts facts, Map<String, String> names, String from, String to) {
        if (!isAddress(from) && !isAddress(to)) {
            return facts.podToPod.getOrDefault(names.get(from) + " => " + names.get(to), Connections.NONE);
        }
        boolean outbound = isAddress(to);
        String peer = names.get(outbound ? from : to);
        BigInteger address = ConnlistFacts.address(outbound ? to : from);
        return facts.external.stream()
                .filter(f -> f.peer().equals(peer) && f.outbound() == outbound && f.first().compareTo(address) <= 0 && f.last().compareTo(address) >= 0)
                .map(ConnlistFacts.ExternalFact::connections).findFirst().orElse(Connections.NONE);
    }
}
