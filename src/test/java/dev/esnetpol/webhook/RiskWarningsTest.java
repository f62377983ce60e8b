package dev.esnetpol.webhook;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.esnetpol.generate.GeneratorOptions;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Warnings for each kind the webhook reads, and none for a resource without risky choices. */
class RiskWarningsTest {

    private static AdmissionResponse admit(String yaml, GeneratorOptions options) throws Exception {
        return new AdmissionValidator(options).review(Reviews.request("w", "CREATE", new YAMLMapper().readTree(yaml))).getResponse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            KafkaConnect;              eventstreams.ibm.com/v1beta2; ;                                              kafka-connect
            KafkaMirrorMaker2;         eventstreams.ibm.com/v1beta2; ;                                              kafka-mirror-maker-2
            EventStreamsGeoReplicator; eventstreams.ibm.com/v1beta1; {eventstreams.ibm.com/cluster: production};   kafka-mirror-maker-2
            """)
    void metricsOpenToAnywhereAreWarnedForEveryKind(String kind, String apiVersion, String labels, String component) throws Exception {
        String yaml = "apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata: {name: r1, namespace: es"
                + (labels == null ? "" : ", labels: " + labels) + "}\nspec: {metricsConfig: {type: jmxPrometheusExporter}}\n";

        AdmissionResponse r = admit(yaml, GeneratorOptions.defaults());

        assertTrue(r.getAllowed(), String.valueOf(r.getStatus()));
        assertEquals(List.of("metrics port 9404 of " + component + " is open to anywhere, as the spec documents it;"
                + " name the scrapers with --metrics-from (Helm eventStreamsMetricsFrom), which narrows it to them"), r.getWarnings());
    }

    @Test
    void aResourceWithoutRiskyChoicesHasNoWarnings() throws Exception {
        AdmissionResponse r = admit("""
                apiVersion: eventstreams.ibm.com/v1beta2
                kind: EventStreams
                metadata: {name: quiet, namespace: es}
                spec:
                  strimziOverrides:
                    kafka:
                      listeners:
                        - {name: tls, port: 9093, type: internal, tls: true, authentication: {type: tls}}
                        - name: ext
                          port: 9094
                          type: route
                          tls: true
                          networkPolicyPeers: [{ipBlock: {cidr: 192.168.0.0/16}}]
                """, GeneratorOptions.defaults());

        assertTrue(r.getAllowed());
        assertTrue(r.getWarnings() == null || r.getWarnings().isEmpty(), String.valueOf(r.getWarnings()));
    }

    @Test
    void egressSwitchedOffIsWarnedOnEveryAdmission() throws Exception {
        AdmissionResponse r = admit("""
                apiVersion: eventstreams.ibm.com/v1beta2
                kind: KafkaConnect
                metadata: {name: c, namespace: es}
                spec: {}
                """, GeneratorOptions.defaults().withEgress(false));

        assertEquals(List.of("egress policies are switched off (--egress=false): pods of this installation may connect anywhere"),
                r.getWarnings());
    }
}
