package dev.esnetpol.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code matrix} with np-guard's focus flags, and {@code matrix --explain} (every pair's deciding rules). */
class MatrixFocusAndExplainTest {

    private static final String PRODUCTION = "examples/eventstreams-production.yaml";
    private static final String KAFKA = "es-prod/production-kafka-0[Pod]";
    private static final String NAMED = "src/test/resources/workflows/named-ports.yaml";

    private static List<String[]> lines(CliRun r) {
        assertEquals(0, r.code(), r.err());
        return r.out().lines().map(l -> l.split(" => | : ")).toList();
    }

    @Test
    void focusWorkloadKeepsThePairsItIsAnEndOf() {
        List<String[]> all = lines(CliRun.run("matrix", "-o", "connlist", PRODUCTION));
        List<String[]> focused = lines(CliRun.run("matrix", "-o", "connlist", "--focus-workload", "production-kafka-0", PRODUCTION));
        assertEquals(all.stream().filter(l -> l[0].equals(KAFKA) || l[1].equals(KAFKA)).map(List::of).toList(),
                focused.stream().map(List::of).toList());
        // Repeatable and comma-separated, by name, namespace/name or the printed name.
        List<String[]> two = lines(CliRun.run("matrix", "-o", "connlist", "--focus-workload", "es-prod/production-kafka-0,production-admin-api-0",
                "--focus-workload", "es-prod/production-zookeeper-0[Pod]", PRODUCTION));
        assertTrue(two.stream().allMatch(l -> String.join(" ", l).matches(".*(kafka-0|admin-api-0|zookeeper-0)\\[Pod].*")), "every pair has a focus workload");
        assertTrue(two.size() > focused.size());
    }

    @Test
    void focusPeerDirectionAndConnection() {
        List<String[]> peer = lines(CliRun.run("matrix", "-o", "connlist", "--focus-workload", "production-kafka-0",
                "--focus-peer", "production-admin-api-0", PRODUCTION));
        assertFalse(peer.isEmpty());
        assertTrue(peer.stream().allMatch(l -> List.of(l[0], l[1]).containsAll(List.of(KAFKA, "es-prod/production-admin-api-0[Pod]"))));
        List<String[]> ingress = lines(CliRun.run("matrix", "-o", "connlist", "--focus-workload", "production-kafka-0", "--focus-direction", "ingress", PRODUCTION));
        assertFalse(ingress.isEmpty());
        assertTrue(ingress.stream().allMatch(l -> l[1].equals(KAFKA)), "the focus workload is the destination");
        List<String[]> egress = lines(CliRun.run("matrix", "-o", "connlist", "--focus-workload", "production-kafka-0", "--focus-direction", "egress", PRODUCTION));
        assertTrue(egress.stream().allMatch(l -> l[0].equals(KAFKA)), "the focus workload is the source");
        List<String[]> conn = lines(CliRun.run("matrix", "-o", "connlist", "--focus-conn", "TCP/9092", PRODUCTION));
        List<String[]> all = lines(CliRun.run("matrix", "-o", "connlist", PRODUCTION));
        assertEquals(all.stream().filter(l -> l[2].equals("All Connections") || l[2].matches(".*TCP [0-9,-]*\\b9092\\b.*")).count(), conn.size());
        assertTrue(conn.stream().allMatch(l -> l[2].equals("TCP 9092")), "only the connection asked for");
        CliRun npGuardSpelling = CliRun.run("matrix", "-o", "connlist", "--focus-conn", "tcp-9092", PRODUCTION);
        assertEquals(CliRun.run("matrix", "-o", "connlist", "--focus-conn", "TCP/9092", PRODUCTION).out(), npGuardSpelling.out());
    }

    @Test
    void focusMistakesAreClearErrors() {
        CliRun typo = CliRun.run("matrix", "--focus-workload", "production-kafak-0", PRODUCTION);
        assertEquals(2, typo.code());
        assertEquals("", typo.out());
        assertTrue(typo.err().contains("--focus-workload: no workload 'production-kafak-0' in the inputs (did you mean 'production-kafka-0'"), typo.err());
        CliRun direction = CliRun.run("matrix", "--focus-workload", "production-kafka-0", "--focus-direction", "ingres", PRODUCTION);
        assertEquals(2, direction.code());
        assertTrue(direction.err().contains("did you mean 'ingress'"), direction.err());
        CliRun conn = CliRun.run("matrix", "--focus-conn", "TCP/http", PRODUCTION);
        assertEquals(2, conn.code());
        assertTrue(conn.err().contains("--focus-conn: expected PROTOCOL/PORT"), conn.err());
        CliRun ignored = CliRun.run("matrix", "-o", "connlist", "--focus-direction", "ingress", PRODUCTION);
        assertEquals(0, ignored.code());
        assertTrue(ignored.err().contains("warning: --focus-direction applies only with --focus-workload; ignored"), ignored.err());
        assertEquals(CliRun.run("matrix", "-o", "connlist", PRODUCTION).out(), ignored.out());
    }

    @Test
    void explainGivesEveryPairsDecidingRules() {
        CliRun r = CliRun.run("matrix", "--explain", NAMED);
        assertEquals(0, r.code(), r.err());
        String pair = section(r.out(), "shop/client[Pod] => shop/web-0[Pod]");
        assertTrue(pair.contains("  allowed TCP 8080:\n    egress of shop/client: no policy selects it for egress: everything allowed\n"
                + "    ingress of shop/web-0: admitted by shop/web-http ingress rule #1 (peer #1, ports [http/TCP])\n"), pair);
        assertTrue(pair.contains("  denied TCP 1-8079,8081-65535,UDP 1-65535,SCTP 1-65535,other protocols:\n"), pair);
        assertTrue(pair.contains("    ingress of shop/web-0: isolated by shop/web-http; no rule admits "), pair);
        String back = section(r.out(), "shop/web-0[Pod] => shop/client[Pod]");
        assertTrue(back.contains("  allowed All Connections:\n") && !back.contains("denied"), back);
        // The outside: denied by the same policy, as a pair of its own.
        assertTrue(section(r.out(), "0.0.0.0-255.255.255.255[External] => shop/web-0[Pod]").contains("  denied All Connections:\n"), r.out());

        CliRun allow = CliRun.run("matrix", "--explain", "--explain-only", "allow", NAMED);
        assertFalse(allow.out().contains("  denied "), allow.out());
        assertFalse(allow.out().contains("0.0.0.0-255.255.255.255[External] => shop/web-0[Pod]"), "a pair that allows nothing is left out");
        CliRun deny = CliRun.run("matrix", "--explain", "--explain-only", "deny", NAMED);
        assertFalse(deny.out().contains("  allowed "), deny.out());
        assertFalse(deny.out().contains("shop/web-0[Pod] => shop/client[Pod]"), "a pair that denies nothing is left out");
        CliRun focused = CliRun.run("matrix", "--explain", "--focus-conn", "TCP/8080", "--focus-workload", "web-0", "--focus-direction", "ingress", NAMED);
        assertTrue(focused.out().contains("shop/client[Pod] => shop/web-0[Pod]\n  allowed TCP 8080:\n"), focused.out());
        assertFalse(focused.out().contains("  denied TCP 1-8079"), focused.out());
    }

    @Test
    void explainOptionsAreChecked() {
        CliRun withoutExplain = CliRun.run("matrix", "--explain-only", "allow", NAMED);
        assertEquals(2, withoutExplain.code());
        assertTrue(withoutExplain.err().contains("--explain-only: applies only with --explain"), withoutExplain.err());
        CliRun json = CliRun.run("matrix", "--explain", "-o", "json", NAMED);
        assertEquals(2, json.code());
        CliRun value = CliRun.run("matrix", "--explain", "--explain-only", "both", NAMED);
        assertEquals(2, value.code());
        assertTrue(value.err().contains("expected allow or deny"), value.err());
    }

    private static String section(String out, String header) {
        int start = out.indexOf(header + "\n");
        assertTrue(start >= 0, header + " in\n" + out);
        int end = out.indexOf("\n\n", start);
        return out.substring(start, end + 1);
    }
}
