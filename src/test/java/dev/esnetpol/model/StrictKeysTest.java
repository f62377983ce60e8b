package dev.esnetpol.model;

import dev.esnetpol.input.InvalidInputException;
import dev.esnetpol.input.YamlSources;
import dev.esnetpol.testing.SharedFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Misspelt keys where es-netpol reads are refused with a suggestion; the free keys of Strimzi and Event Streams are not. */
class StrictKeysTest {

    @Test
    void everyMisspellingThatWouldChangeWhatIsOpenedIsRefused() throws IOException {
        String file = "src/test/resources/kraft/misspelt.yaml";
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ResourceReader.readAll(YamlSources.parse(file, Files.readString(Path.of(file)))));
        List<String> got = e.problems().stream().map(p -> p.line() + " " + p.path() + ": " + p.message().replaceAll(" \\(es-netpol reads.*", "")).toList();
        assertEquals(List.of(
                "8 spec.adminUi: unknown field 'adminUi' (did you mean 'adminUI' or 'adminApi'?)",
                "10 spec.security.internalTLS: unknown field 'internalTLS' (did you mean 'internalTls'?)",
                "23 spec.strimziOverrides.zookeper: unknown field 'zookeper' (did you mean 'zookeeper'?)",
                "28 spec.strimziOverrides.nodePools[0].role: unknown field 'role' (did you mean 'roles'?)",
                "15 spec.strimziOverrides.kafka.metricConfig: unknown field 'metricConfig' (did you mean 'metricsConfig'?)",
                "21 spec.strimziOverrides.kafka.listeners[0].networkPolicyPeer: unknown field 'networkPolicyPeer' (did you mean 'networkPolicyPeers'?)",
                "26 spec.strimziOverrides.nodePools[0].roles: missing roles: a node pool has the role broker, controller, or both"),
                got);
    }

    @Test
    void theExamplesAndIbmSamplesHaveNoUnknownKeys() throws IOException {
        try (Stream<Path> examples = Files.list(Path.of("examples")); Stream<Path> samples = Files.list(SharedFiles.resolve("samples/event-streams"))) {
            for (Path p : Stream.concat(examples, samples).filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (EventStreamsResource r : ResourceReader.readAll(YamlSources.parse(p.toString(), Files.readString(p)))) {
                    // As the operator checks what its informers read: the resource written back and read again.
                    dev.esnetpol.input.YamlDocument again = new dev.esnetpol.input.YamlDocument("cluster:" + r.getMetadata().getName(), 0,
                            ResourceReader.mapper().valueToTree(r));
                    assertEquals(List.of(), ResourceReader.check(again).problems(), p.toString());
                }
            }
        }
    }
}
