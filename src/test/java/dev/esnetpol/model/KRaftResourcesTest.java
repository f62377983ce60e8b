package dev.esnetpol.model;

import dev.esnetpol.input.InputProblem;
import dev.esnetpol.input.InvalidInputException;
import dev.esnetpol.input.YamlSources;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading node pools, REST endpoints and the apiVersions of every release from 10.1 to 13.0. */
class KRaftResourcesTest {

    private static List<EventStreamsResource> read(String yaml) {
        return ResourceReader.readAll(YamlSources.parse("test.yaml", yaml));
    }

    private static List<String> problems(String file) throws IOException {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ResourceReader.readAll(YamlSources.parse(file, Files.readString(Path.of(file)))));
        return e.problems().stream().map(p -> p.line() + " " + p.path() + ": " + p.message()).toList();
    }

    @Test
    void everyApiVersionOfEachKindIsRead() {
        for (String version : List.of("v1beta1", "v1beta2", "v1")) {
            List<EventStreamsResource> r = read("""
                    apiVersion: eventstreams.ibm.com/%s
                    kind: EventStreams
                    metadata: {name: es, namespace: ns}
                    spec: {adminApi: {}}
                    ---
                    apiVersion: eventstreams.ibm.com/%s
                    kind: KafkaConnect
                    metadata: {name: kc, namespace: ns, labels: {eventstreams.ibm.com/cluster: es}}
                    spec: {bootstrapServers: es-kafka-bootstrap:9093}
                    """.formatted(version, version));
            assertEquals("eventstreams.ibm.com/" + version, r.get(0).getApiVersion(), "the version read is kept (owner references, table choice)");
            assertEquals("eventstreams.ibm.com/" + version, r.get(1).getApiVersion());
        }
    }

    @Test
    void anUnknownApiVersionNamesTheOnesThatExist() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read("""
                apiVersion: eventstreams.ibm.com/v2
                kind: EventStreams
                metadata: {name: es}
                spec: {}
                """));
        assertTrue(e.problems().get(0).message().contains("eventstreams.ibm.com/v1beta1 or eventstreams.ibm.com/v1beta2 or eventstreams.ibm.com/v1"),
                e.problems().toString());
    }

    @Test
    void aGeoReplicatorOfA13Instance_isRefused_13_0RemovedIt() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read("""
                apiVersion: eventstreams.ibm.com/v1
                kind: EventStreams
                metadata: {name: es, namespace: ns}
                spec: {}
                ---
                apiVersion: eventstreams.ibm.com/v1beta1
                kind: EventStreamsGeoReplicator
                metadata: {name: es, namespace: ns, labels: {eventstreams.ibm.com/cluster: es}}
                spec: {replicas: 1}
                """));
        InputProblem p = e.problems().get(0);
        assertEquals("kind", p.path());
        assertEquals(7, p.line());
        assertTrue(p.message().contains("removed in Event Streams 13.0") && p.message().contains("KafkaMirrorMaker2"), p.message());
        // The same geo-replicator with a 12.x (v1beta2) instance is fine.
        assertEquals(2, read("""
                apiVersion: eventstreams.ibm.com/v1beta2
                kind: EventStreams
                metadata: {name: es, namespace: ns}
                spec: {}
                ---
                apiVersion: eventstreams.ibm.com/v1beta1
                kind: EventStreamsGeoReplicator
                metadata: {name: es, namespace: ns, labels: {eventstreams.ibm.com/cluster: es}}
                spec: {replicas: 1}
                """).size());
    }

    @Test
    void badEndpointsAndNodePoolsAreRefusedWithTheirFieldPaths() throws IOException {
        List<String> problems = problems("src/test/resources/kraft/bad-endpoints-and-pools.yaml");
        assertEquals(List.of(
                "27 spec.apicurioRegistry.endpoints[0].containerPort: expected a whole number, found the string 'eight-thousand'",
                "11 spec.adminApi.endpoints[0].containerPort: port 443 is in the range 0-1000, which Event Streams keeps for itself",
                "14 spec.adminApi.endpoints[1].containerPort: port 7443 is in the range 7000-7999, which Event Streams keeps for its internal traffic",
                "22 spec.restProducer.endpoints[1].containerPort: port 8003 is already used by the endpoint at spec.restProducer.endpoints[0]",
                "32 spec.strimziOverrides.nodePools[0].roles[1]: unknown role 'observer' (expected broker or controller)",
                "33 spec.strimziOverrides.nodePools[1].name: node pool name 'kafka' is already used at spec.strimziOverrides.nodePools[0].name",
                "36 spec.strimziOverrides.nodePools[2].name: node pool name 'admin-api' is the name of another Event Streams component "
                        + "(admin-api, admin-ui, cruise-control, entity-operator, eventstreams-operator, kafka-connect, kafka-exporter, "
                        + "kafka-mirror-maker-2, metrics, rest-producer, schema-registry, zookeeper are taken)"), problems);
    }

    @Test
    void aPoolWithoutRolesAndAnInstanceWithoutBrokersAreRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read("""
                apiVersion: eventstreams.ibm.com/v1beta2
                kind: EventStreams
                metadata: {name: es}
                spec:
                  strimziOverrides:
                    nodePools:
                      - {name: quorum, replicas: 3, roles: [controller]}
                      - {name: other, replicas: 3}
                """));
        assertEquals(List.of("spec.strimziOverrides.nodePools[1].roles"), e.problems().stream().map(InputProblem::path).toList());
        e = assertThrows(InvalidInputException.class, () -> read("""
                apiVersion: eventstreams.ibm.com/v1beta2
                kind: EventStreams
                metadata: {name: es}
                spec:
                  strimziOverrides:
                    nodePools:
                      - {name: quorum, replicas: 3, roles: [controller]}
                """));
        assertTrue(e.problems().get(0).message().contains("no node pool has the broker role"), e.problems().toString());
    }

    @Test
    void oneResourceOfAKindAndNameInANamespace() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read("""
                apiVersion: eventstreams.ibm.com/v1beta2
                kind: EventStreams
                metadata: {name: es, namespace: ns}
                spec: {}
                ---
                apiVersion: eventstreams.ibm.com/v1
                kind: EventStreams
                metadata: {name: es, namespace: ns}
                spec: {}
                ---
                apiVersion: eventstreams.ibm.com/v1
                kind: EventStreams
                metadata: {name: es, namespace: other}
                spec: {}
                """));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertEquals("metadata.name", e.problems().get(0).path());
        assertTrue(e.problems().get(0).message().startsWith("EventStreams ns/es is already declared at test.yaml:"), e.problems().toString());
    }
}
