package dev.esnetpol.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real GitOps folder: Event Streams resources beside ConfigMaps and Secrets, Strimzi kinds, a Kustomization,
 * a Helm template and a JSON patch. Every command reads it the same way: the kinds it does not use are skipped
 * and counted on one line, the template named with its line, and the result is that of the resources alone.
 */
class GitOpsFolderTest {

    private static final String FOLDER = "src/test/resources/gitops/mixed";
    private static final String ALONE = "examples/eventstreams-quickstart.yaml";

    @Test
    void rendersTheSamePoliciesAsTheResourcesAloneWithOneSkipLine() {
        CliRun folder = CliRun.run("render", "-f", FOLDER);
        assertEquals(0, folder.code(), folder.err());
        assertEquals(CliRun.run("render", "-f", ALONE).out(), folder.out());
        List<String> skips = folder.err().lines().filter(l -> l.startsWith("note: skipped")).toList();
        assertEquals(1, skips.size(), folder.err());
        String skip = skips.get(0);
        assertTrue(skip.startsWith("note: skipped 6 objects of 6 kinds that render does not use (ConfigMap 1, "
                + "KafkaConnect.kafka.strimzi.io 1, KafkaTopic.eventstreams.ibm.com 1, KafkaUser.kafka.strimzi.io 1, "
                + "Kustomization.kustomize.toolkit.fluxcd.io 1, Secret 1)"), skip);
        assertTrue(skip.contains("1 document that is not a Kubernetes object"), "the JSON patch: " + skip);
        assertTrue(skip.contains("1 template that YAML cannot read") && skip.contains(FOLDER + "/deployment-template.yaml:4"), skip);
        // Notes, and the risk warnings the webhook would give at kubectl apply (a listener without authentication).
        assertEquals(folder.err().lines().count(), folder.err().lines().filter(l -> l.startsWith("note: ")
                || l.startsWith("warning: EventStreams ")).count(), folder.err());
    }

    @Test
    void everyCommandReadsTheFolderAsRenderDoes() {
        assertEquals(CliRun.run("verify", "-f", ALONE).out(), CliRun.run("verify", "-f", FOLDER).out());
        assertEquals(CliRun.run("matrix", ALONE).out(), CliRun.run("matrix", FOLDER).out());
        assertEquals(CliRun.run("matrix", "-f", ALONE).out(), CliRun.run("matrix", "-f", FOLDER).out(), "-f and a path alike");
        CliRun explain = CliRun.run("explain", "--from", "quickstart-ibm-es-ui-0", "--to", "quickstart-kafka-0", "--port", "9091", FOLDER);
        assertEquals(CliRun.run("explain", "--from", "quickstart-ibm-es-ui-0", "--to", "quickstart-kafka-0", "--port", "9091", ALONE).out(),
                explain.out());
        CliRun review = CliRun.run("review", "-f", FOLDER, "-o", "json");
        assertEquals(CliRun.run("review", "-f", ALONE, "-o", "json").out().replace(ALONE, FOLDER), review.out());
    }

    @Test
    void aTemplateNamedOnItsOwnIsAnErrorOfOneLine() {
        CliRun r = CliRun.run("render", "-f", ALONE, "-f", FOLDER + "/deployment-template.yaml");
        assertEquals(ExitCodes.ERROR, r.code());
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), r.err());
        assertEquals("error: " + FOLDER + "/deployment-template.yaml:4: a template that YAML cannot read ({{ }}, as in a Helm chart); "
                + "give es-netpol what Helm renders: helm template CHART | es-netpol render -f -", errors.get(0));
        assertEquals("", r.out());
    }

    /** Helm's own shapes: a template opening with a directive, and one with a value spliced in; matrix alike. */
    @Test
    void aChartsTemplateNamedOnItsOwnIsNamedAsATemplateNotAParserEvent(@TempDir Path dir) throws IOException {
        Path guarded = Files.writeString(dir.resolve("guarded.yaml"), """
                {{- if .Values.enabled }}
                apiVersion: eventstreams.ibm.com/v1beta2
                kind: EventStreams
                metadata:
                  name: {{ .Release.Name }}
                {{- end }}
                """);
        Path spliced = Files.writeString(dir.resolve("spliced.yaml"), """
                apiVersion: eventstreams.ibm.com/v1beta2
                kind: EventStreams
                metadata:
                  name: x
                  labels:
                {{ toYaml .Values.labels | indent 4 }}
                """);
        CliRun r = CliRun.run("matrix", "-f", guarded.toString(), "-f", spliced.toString());
        assertEquals(ExitCodes.ERROR, r.code());
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(List.of(
                "error: " + guarded + ":1: a template that YAML cannot read ({{ }}, as in a Helm chart); give es-netpol what Helm renders: "
                        + "helm template CHART | es-netpol matrix -f -",
                "error: " + spliced + ":6: a template that YAML cannot read ({{ }}, as in a Helm chart); give es-netpol what Helm renders: "
                        + "helm template CHART | es-netpol matrix -f -"), errors, r.err());
        assertFalse(r.err().contains("snakeyaml"), r.err());
    }

    /**
     * Template text elsewhere in a file (a PrometheusRule's {{ $labels.pod }} in a quoted annotation is valid YAML) does
     * not make the file's real mistake a template: it is said as YAML says it, at its line. And diff, whose inputs are
     * its operands, is told to read standard input as diff does.
     */
    @Test
    void aMistakeFarFromTemplateTextIsSaidAsItIsAndDiffIsToldItsOwnWay(@TempDir Path dir) throws IOException {
        Path rule = Files.writeString(dir.resolve("rule.yaml"), """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: a: b
                spec:
                  groups:
                  - name: pods
                    rules:
                    - alert: PodDown
                      annotations:
                        summary: "pod {{ $labels.pod }} is down"
                """);
        CliRun r = CliRun.run("matrix", "-f", rule.toString());
        assertEquals(ExitCodes.ERROR, r.code());
        assertTrue(r.err().contains(rule + ":4: not valid YAML: mapping values are not allowed here"), r.err());
        assertFalse(r.err().contains("template"), r.err());

        Path template = Files.writeString(dir.resolve("template.yaml"), "{{- if .Values.enabled }}\napiVersion: v1\nkind: Namespace\n{{- end }}\n");
        CliRun d = CliRun.run("diff", rule.toString().replace("rule", "none"), template.toString());
        assertTrue(d.err().contains(template + ":1: a template that YAML cannot read ({{ }}, as in a Helm chart); give es-netpol what Helm "
                + "renders: helm template CHART | es-netpol diff OLD -"), d.err());
    }

    @Test
    void theProblemsOfAllFilesComeInOneRun(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a-broken.yaml"), "apiVersion: v1\nkind: [\n");
        Files.copy(Path.of("src/test/resources/bad/missing-name.yaml"), dir.resolve("b-resource.yaml"));
        Files.copy(Path.of("src/test/resources/bad/netpol/misspelt-fields.yaml"), dir.resolve("c-policies.yaml"));
        Files.copy(Path.of("src/test/resources/bad/netpol/label-values.yaml"), dir.resolve("d-labels.yaml"));
        CliRun r = CliRun.run("matrix", dir.toString());
        assertEquals(ExitCodes.ERROR, r.code());
        for (String expected : List.of("a-broken.yaml:2: not valid YAML", "b-resource.yaml:3: metadata.name", "c-policies.yaml:9: spec.ingres",
                "c-policies.yaml:44: spec.ingress[0].ports[0].prot", "d-labels.yaml:8: metadata.labels.build")) {
            assertTrue(r.err().contains(expected), expected + " in:\n" + r.err());
        }
    }

    @Test
    void aKindListIsReadItemByItem() {
        String list = """
                {"apiVersion": "v1", "kind": "List", "items": [
                  {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}},
                  {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                   "metadata": {"name": "deny"}, "spec": {"podSelector": {}, "ingres": []}}]}
                """;
        CliRun r = CliRun.runWithStdin(list, "matrix", "-f", "-");
        assertEquals(ExitCodes.ERROR, r.code());
        assertTrue(r.err().contains("spec.ingres: unknown field 'ingres' (did you mean 'ingress'?)"), r.err());
    }

    @Test
    void aKustomizationIsRecognisedAndTheErrorSaysHowToRenderItsBuild() throws Exception {
        String repo = "src/test/resources/gitops/kustomize";
        for (String command : List.of("render", "verify", "matrix")) {
            CliRun r = CliRun.run(command, "-R", "-f", repo);
            assertEquals(ExitCodes.ERROR, r.code(), command);
            assertEquals("", r.out());
            List<String> errors = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
            assertEquals(List.of(
                    "error: " + repo + "/base: a kustomization (kustomization.yaml): its files are bases and patches that kustomize assembles, "
                            + "not the objects it applies; " + command + " its build: kubectl kustomize " + repo + "/base | es-netpol " + command + " -f -",
                    "error: " + repo + "/overlays/prod: a kustomization (kustomization.yaml): its files are bases and patches that kustomize "
                            + "assembles, not the objects it applies; " + command + " its build: kubectl kustomize " + repo + "/overlays/prod | es-netpol "
                            + command + " -f -"), errors, "no 'already declared' for the patch: " + r.err());
        }
        CliRun one = CliRun.run("render", "-f", repo + "/overlays/prod");
        assertTrue(one.err().contains("kubectl kustomize " + repo + "/overlays/prod | es-netpol render -f -"), one.err());
        // The advice works: the build of the overlay (kubectl's own kustomize, where installed) renders in its namespace.
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(Path.of("/usr/bin/kubectl"))
                || System.getenv("PATH").contains("kubectl"), "kubectl not installed");
        Process build = new ProcessBuilder("kubectl", "kustomize", repo + "/overlays/prod").redirectErrorStream(false).start();
        String built = new String(build.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assumptions.assumeTrue(build.waitFor() == 0, "kubectl kustomize failed");
        CliRun rendered = CliRun.runWithStdin(built, "render", "-f", "-");
        assertEquals(0, rendered.code(), rendered.err());
        assertTrue(rendered.out().contains("namespace: es-prod"), rendered.out());
    }

    @Test
    void minusNNeverRefusesObjectsTheCommandSkips(@TempDir Path dir) throws IOException {
        Files.copy(Path.of(ALONE), dir.resolve("a-eventstreams.yaml"));
        Files.writeString(dir.resolve("b-other-team.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  namespace: monitoring
                data: {a: b}
                ---
                apiVersion: v1
                kind: Secret
                metadata:
                  name: token
                  namespace: kube-system
                """);
        CliRun ok = CliRun.run("render", "-n", "es-dev", "-f", dir.toString());
        assertEquals(0, ok.code(), ok.err());
        assertEquals(CliRun.run("render", "-f", ALONE).out(), ok.out());
        CliRun refused = CliRun.run("render", "-n", "elsewhere", "-f", dir.toString());
        assertEquals(ExitCodes.ERROR, refused.code(), "an object render uses, in another namespace than -n, is still refused");
        assertEquals(1, refused.err().lines().filter(l -> l.startsWith("error: ")).count(), refused.err());
        assertTrue(refused.err().contains("a-eventstreams.yaml:8: metadata.namespace: the object is in namespace 'es-dev'"), refused.err());
    }
}
