package dev.esnetpol.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NetworkPolicies (and the labels of Pods and Namespaces) read as strictly as the API server reads them with
 * strict field validation: each class of mistake of the issue is refused by render, matrix and verify alike,
 * with exit 2, nothing on stdout, and file, line, field path and (for an unknown field) the closest known one.
 * A tolerant reader would take each of them for another policy: deny-all, open to everyone, all ports, TCP.
 */
class StrictNetworkPolicyTest {

    private static final String BAD = "src/test/resources/bad/netpol/";

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = ';', textBlock = """
            misspelt-fields.yaml; 9;  spec.ingres: unknown field 'ingres' (did you mean 'ingress'?)
            misspelt-fields.yaml; 20; spec.ingress[0].froms: unknown field 'froms' (did you mean 'from'?)
            misspelt-fields.yaml; 31; spec.ingress[0].port: unknown field 'port' (did you mean 'ports'?)
            misspelt-fields.yaml; 44; spec.ingress[0].ports[0].prot: unknown field 'prot' (did you mean 'protocol' or 'port'?)
            label-values.yaml;    8;  metadata.labels.build: a label value must be a string, found a number (12e4); quote it: '12e4'
            label-values.yaml;    9;  metadata.labels.version: a label value must be a string, found a number (1.10); quote it: '1.10'
            label-values.yaml;    18; metadata.labels.trusted: a label value must be a string, found a boolean: kubectl reads yes as the boolean true; quote it: 'yes'
            label-values.yaml;    28; spec.podSelector.matchLabels.enabled: a label value must be a string, found a boolean: kubectl reads on as the boolean true; quote it: 'on'
            label-values.yaml;    33; spec.ingress[0].from[0].podSelector.matchExpressions[0].values[0]: expected a string, found a number (1.10); quote it: '1.10'
            names.yaml;           10; spec.podSelector: duplicate field (given twice in one mapping)
            """)
    void refusedByRenderMatrixAndVerify(String file, int line, String message) {
        for (String command : List.of("render", "matrix", "verify")) {
            List<String> args = new java.util.ArrayList<>(List.of(command, "-f", BAD + file));
            if (!command.equals("matrix")) {
                args.addAll(List.of("-f", "examples/eventstreams-quickstart.yaml"));
            }
            CliRun r = CliRun.run(args.toArray(String[]::new));
            assertEquals(ExitCodes.ERROR, r.code(), command + ": " + r.err());
            assertEquals("", r.out(), command + " printed although the input is bad");
            assertTrue(r.err().contains("error: " + BAD + file + ":" + line + ": " + message.trim()), command + ":\n" + r.err());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            render; 2
            verify; 2
            review; 2
            """)
    void aNameTheApiServerRefusesIsRefused(String command, int code) {
        CliRun r = CliRun.run(command, "-f", BAD + "names.yaml", "-f", "examples/eventstreams-quickstart.yaml", "-n", "es");
        assertEquals(code, r.code(), r.err());
        assertTrue(r.err().contains(BAD + "names.yaml:5: metadata.name: invalid name 'allow_kafka' (a DNS subdomain"), r.err());
    }

    @org.junit.jupiter.api.Test
    void matrixWarnsAboutSuchANameAndAnalysesAsNpGuardDoes() {
        // np-guard's own test data names policies with underscores: the analysis commands read it, and say so.
        String policy = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: allow_all, namespace: es}
                spec: {podSelector: {}, ingress: [{}]}
                """;
        CliRun r = CliRun.runWithStdin(policy, "matrix", "-f", "-");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warning: <stdin>:3: metadata.name: invalid name 'allow_all'"), r.err());
    }

    @org.junit.jupiter.api.Test
    void quotedLabelValuesAreRead() {
        String objects = """
                apiVersion: v1
                kind: Pod
                metadata: {name: a, namespace: es, labels: {version: "1.10", enabled: "on"}}
                spec: {containers: [{name: c, image: i}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: b, namespace: es, labels: {version: "1.1"}}
                spec: {containers: [{name: c, image: i}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: c, namespace: es, labels: {version: "1.10"}}
                spec: {containers: [{name: c, image: i}]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: only-1-10, namespace: es}
                spec:
                  podSelector: {matchLabels: {version: "1.10"}}
                  ingress: [{from: [{podSelector: {matchExpressions: [{key: version, operator: In, values: ["1.1"]}]}}]}]
                """;
        CliRun r = CliRun.runWithStdin(objects, "explain", "--from", "c", "--to", "a", "--port", "80", "-f", "-");
        assertEquals(ExitCodes.FINDINGS, r.code(), "1.10 is selected, and 1.10 is not 1.1: " + r.out() + r.err());
        CliRun allowed = CliRun.runWithStdin(objects, "explain", "--from", "b", "--to", "a", "--port", "80", "-f", "-");
        assertEquals(ExitCodes.OK, allowed.code(), allowed.out() + allowed.err());
    }
}
