package dev.esnetpol.cli;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.esnetpol.generate.GeneratorOptions;
import dev.esnetpol.webhook.AdmissionValidator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook's promise: every error {@code render} reports is a denial, with the same field path and
 * message. Each case is run through both, and the two lists of problems must be the same.
 */
class RenderAndWebhookAgreeTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {
            // wrong types, missing fields, ports out of range, reserved, duplicated
            """
            apiVersion: eventstreams.ibm.com/v1beta2
            kind: EventStreams
            metadata: {name: es1, namespace: kafka}
            spec:
              strimziOverrides:
                kafka:
                  listeners:
                    - {name: a, port: abc, type: internal, tls: maybe}
                    - {tls: false}
                    - {name: c, port: 70000, type: internal, tls: false}
                    - {name: d, port: 9091, type: internal, tls: false}
                    - {name: e, port: 9100, type: tunnel, tls: false}
                    - {name: e, port: 9100, type: internal, tls: false}
            """,
            // map form with an unknown listener; internal TLS; bad name
            """
            apiVersion: eventstreams.ibm.com/v1beta2
            kind: EventStreams
            metadata: {name: Bad_Name}
            spec:
              security: {internalTls: SSL}
              strimziOverrides:
                kafka:
                  listeners: {plain: {}, internal: {}}
            """,
            // malformed networkPolicyPeers
            """
            apiVersion: eventstreams.ibm.com/v1beta2
            kind: EventStreams
            metadata: {name: es1}
            spec:
              strimziOverrides:
                kafka:
                  listeners:
                    - name: tls
                      port: 9093
                      type: internal
                      tls: true
                      networkPolicyPeers:
                        - podSelector: {matchExpressions: [{key: app, operator: Is, values: [x]}]}
                        - ipBlock: {cidr: 10.0.0.0/33, except: [11.0.0.0/16]}
                        - {ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}
                        - {}
                        - namespaceSelector: {matchLabels: {"bad key!": x}}
            """,
            // the other kinds
            """
            apiVersion: eventstreams.ibm.com/v1beta2
            kind: EventStreamsGeoReplicator
            metadata: {name: geo}
            spec: {}
            """,
            """
            apiVersion: eventstreams.ibm.com/v1beta2
            kind: KafkaConnect
            metadata: {name: connect, annotations: {es-netpol/external-egress: "nonsense"}}
            spec: {metricsConfig: 5}
            """,
            """
            apiVersion: eventstreams.ibm.com/v1beta2
            kind: KafkaMirrorMaker2
            metadata: {name: "-mm2"}
            spec: {clusters: {a: b}}
            """})
    void everyRenderErrorIsADenialWithTheSamePathAndMessage(String yaml, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("resource.yaml");
        Files.writeString(file, yaml);

        List<String> renderErrors = renderErrors(file);
        AdmissionResponse response = admit(yaml);

        assertFalse(renderErrors.isEmpty(), "the case must be an error for render");
        assertFalse(response.getAllowed(), "render refuses it, so must the webhook");
        String message = response.getStatus().getMessage();
        for (String error : renderErrors) {
            assertTrue(message.contains(error), "render's '" + error + "' missing from the denial:\n" + message);
        }
        assertEquals(String.join("; ", renderErrors), message.substring(message.indexOf(": ") + 2),
                "the same problems, in render's order");
    }

    /** "path: message" of each error line render prints (it prefixes "error: FILE:LINE: "). */
    private static List<String> renderErrors(Path file) {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.newCommandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        int code = cli.execute("render", "-f", file.toString());
        assertEquals(ExitCodes.ERROR, code, err.toString());
        String prefix = "error: " + file;
        return Arrays.stream(err.toString().split("\n"))
                .filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length()).replaceFirst("^:\\d+", "").replaceFirst("^: ", ""))
                .toList();
    }

    private static AdmissionResponse admit(String yaml) throws Exception {
        ObjectNode review = JSON.createObjectNode().put("apiVersion", "admission.k8s.io/v1").put("kind", "AdmissionReview");
        review.putObject("request").put("uid", "agree").put("operation", "CREATE").put("namespace", "es")
                .set("object", YAML.readTree(yaml));
        return new AdmissionValidator(GeneratorOptions.defaults()).review(review).getResponse();
    }
}
