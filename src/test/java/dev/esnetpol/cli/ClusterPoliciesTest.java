package dev.esnetpol.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An administrator's cluster-scoped policies in every command's answer (issue 20's examples): an
 * AdminNetworkPolicy that denies the production brokers' 9093 to the payments namespace, its documented
 * client; a Baseline-tier ClusterNetworkPolicy that denies all beside the rendered NetworkPolicies; an
 * Admin-tier Accept that opens the brokers to every namespace.
 */
class ClusterPoliciesTest {

    private static final String PRODUCTION = "examples/eventstreams-production.yaml";
    private static final String DUMP = "examples/es-prod-namespace";
    private static final String DENY = "src/test/resources/fixtures/cluster-policies/payments-deny.yaml";
    private static final String BASELINE = "src/test/resources/fixtures/cluster-policies/baseline-deny-all.yaml";
    private static final String OPEN = "src/test/resources/fixtures/cluster-policies/open-brokers.yaml";
    private static final String CLIENT = "src/test/resources/fixtures/cluster-policies/payments-client.yaml";

    @Test
    void explainNamesTheAdminPolicyThatDeniesADocumentedFlowAndWhatTheLowerTiersWouldSay() {
        CliRun run = CliRun.run("explain", "--from", "payments/client", "--to", "es-prod/production-kafka-0", "--port", "9093", PRODUCTION, CLIENT, DENY);
        assertEquals(1, run.code(), run.out() + run.err());
        assertTrue(run.out().startsWith("DENIED"), run.out());
        assertTrue(run.out().contains("ingress of es-prod/production-kafka-0: denied by AdminNetworkPolicy `sandbox-deny` ingress rule #2 "
                + "`deny-payments-to-brokers` (priority 10): no NetworkPolicy is consulted (below it, its NetworkPolicies alone: admitted by"), run.out());
        CliRun clean = CliRun.run("explain", "--from", "payments/client", "--to", "es-prod/production-kafka-0", "--port", "9093", PRODUCTION, CLIENT);
        assertTrue(clean.out().startsWith("ALLOWED"), clean.out());
    }

    @Test
    void verifyReportsTheDocumentedFlowAsMissingBecauseOfTheAdminPolicyAndIsCleanWithoutIt() {
        CliRun run = CliRun.run("verify", "-f", PRODUCTION, "--foreign", DENY);
        assertEquals(1, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("MISSING"), run.out());
        assertTrue(run.out().contains("AdminNetworkPolicy `sandbox-deny`"), run.out());
        CliRun sameFile = CliRun.run("verify", "-f", PRODUCTION, "-f", DENY);
        assertEquals(1, sameFile.code(), "cluster policies are read from -f too: " + sameFile.out() + sameFile.err());
        assertEquals(0, CliRun.run("verify", "-f", PRODUCTION).code());
    }

    @Test
    void reviewOfADumpReportsTheFlowTheAdminPolicyDeniesAndIsCleanWithoutIt() {
        CliRun clean = CliRun.run("review", "-f", DUMP);
        CliRun run = CliRun.run("review", "-f", DUMP, "-f", DENY);
        assertEquals(1, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("sandbox-deny"), run.out());
        assertFalse(clean.out().contains("sandbox-deny"), clean.out());
        assertEquals(0, clean.code(), clean.out() + clean.err());
    }

    @Test
    void aBaselineDenyAllKeepsTheDocumentedFlowsOfTheRenderedPoliciesAndDeniesAnUndocumentedPair() {
        CliRun verify = CliRun.run("verify", "-f", PRODUCTION, "--foreign", BASELINE);
        assertEquals(0, verify.code(), "NetworkPolicies come before the Baseline tier: " + verify.out() + verify.err());
        CliRun documented = CliRun.run("explain", "--from", "payments/client", "--to", "es-prod/production-kafka-0", "--port", "9093", PRODUCTION, CLIENT, BASELINE);
        assertTrue(documented.out().startsWith("ALLOWED"), documented.out());
        // A pod of another namespace no NetworkPolicy selects: the Baseline tier decides, and denies.
        CliRun undocumented = CliRun.run("explain", "--from", "es-prod/production-kafka-0", "--to", "payments/client", "--port", "8080", PRODUCTION, CLIENT, BASELINE);
        assertTrue(undocumented.out().startsWith("DENIED"), undocumented.out());
        assertTrue(undocumented.out().contains("denied by ClusterNetworkPolicy `baseline-deny-all` ingress rule #1"), undocumented.out());
        // The same tier denying egress too: the clients' egress is no NetworkPolicy's, so the Baseline denies their documented flows.
        CliRun egress = CliRun.runWithStdin("""
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: baseline-deny-egress}
                spec:
                  tier: Baseline
                  priority: 100
                  subject: {namespaces: {}}
                  egress:
                  - {name: deny-all-egress, action: Deny, to: [{namespaces: {}}]}
                """, "verify", "-f", PRODUCTION, "--foreign", "-");
        assertEquals(1, egress.code(), egress.out() + egress.err());
        assertTrue(egress.out().contains("MISSING  payments/probe-production-tls-peer-1 -> es-prod/production-kafka-0  TCP 9093"), egress.out());
        assertTrue(egress.out().contains("denied by ClusterNetworkPolicy `baseline-deny-egress` egress rule #1"), egress.out());
    }

    @Test
    void anAdminAcceptThatOpensTheBrokersIsExcess() {
        CliRun run = CliRun.run("verify", "-f", PRODUCTION, "--foreign", OPEN);
        assertEquals(1, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("EXCESS"), run.out());
        assertTrue(run.out().contains("ClusterNetworkPolicy `open-brokers`"), run.out());
    }

    @Test
    void matrixAnswersWithThemInEveryFormatAndProfile() {
        for (String profile : dev.esnetpol.analyze.Profile.ids()) {
            CliRun with = CliRun.run("matrix", "-o", "connlist", "--profile", profile, PRODUCTION, CLIENT, DENY);
            CliRun without = CliRun.run("matrix", "-o", "connlist", "--profile", profile, PRODUCTION, CLIENT);
            assertEquals(0, with.code(), with.err());
            String line = "payments/client[Pod] => es-prod/production-kafka-0[Pod] : ";
            assertTrue(without.out().lines().anyMatch(l -> l.startsWith(line) && l.contains("9093")), profile + ": " + without.out());
            assertFalse(with.out().lines().anyMatch(l -> l.startsWith(line) && l.contains("9093")), profile + ": " + with.out());
            for (String format : List.of("text", "markdown", "json", "csv", "dot")) {
                CliRun run = CliRun.run("matrix", "-o", format, "--profile", profile, PRODUCTION, CLIENT, DENY);
                assertEquals(0, run.code(), format + " " + profile + ": " + run.err());
                assertFalse(run.out().equals(CliRun.run("matrix", "-o", format, "--profile", profile, PRODUCTION, CLIENT).out()),
                        format + " " + profile + ": the AdminNetworkPolicy changes the answer");
            }
        }
    }

    @Test
    void aMisspeltFieldOfAClusterPolicyIsRefusedWithItsFileLineAndTheFieldMeant() {
        CliRun run = CliRun.runWithStdin("""
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: typo}
                spec:
                  tier: Admin
                  priority: 1
                  subject: {namespaces: {}}
                  ingres: []
                """, "verify", "-f", PRODUCTION, "--foreign", "-");
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains("error: <stdin>:8: spec.ingres: unknown field 'ingres' (did you mean 'ingress'?)"), run.err());
        assertEquals("", run.out());
    }
}
