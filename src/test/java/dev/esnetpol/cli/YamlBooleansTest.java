package dev.esnetpol.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unquoted {@code y} and {@code n} are booleans to kubectl's YAML reader (YAML 1.1), as {@code yes} and
 * {@code no} are: es-netpol reads them so in every field whose type matters.
 */
class YamlBooleansTest {

    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: a
              namespace: es
              labels:
                app: %s
            spec:
              hostNetwork: %s
              containers:
              - name: c
                image: x
            """;

    @Test
    void aLabelValueYIsABooleanRefusedWithQuoteItLikeYes(@TempDir Path dir) throws IOException {
        for (String word : new String[]{"y", "N", "yes", "off"}) {
            Path pod = Files.writeString(dir.resolve("pod.yaml"), POD.formatted(word, "false"));
            CliRun r = CliRun.run("matrix", "-f", pod.toString());
            assertEquals(ExitCodes.ERROR, r.code(), word + ": " + r.err());
            assertTrue(r.err().contains("pod.yaml:7: metadata.labels.app: a label value must be a string, found a boolean ("
                    + word + "); quote it: '" + word + "'"), r.err());
        }
        Path quoted = Files.writeString(dir.resolve("pod.yaml"), POD.formatted("'y'", "false"));
        assertEquals(0, CliRun.run("matrix", "-f", quoted.toString()).code(), "quoted, it is a string");
    }

    @Test
    void aBooleanFieldReadsYAsTrueAndNAsFalse(@TempDir Path dir) throws IOException {
        Path y = Files.writeString(dir.resolve("y.yaml"), POD.formatted("web", "y"));
        Path yes = Files.writeString(dir.resolve("yes.yaml"), POD.formatted("web", "true"));
        CliRun r = CliRun.run("matrix", "-f", y.toString(), "-o", "json");
        assertEquals(0, r.code(), r.err());
        assertEquals(CliRun.run("matrix", "-f", yes.toString(), "-o", "json").out(), r.out(), "hostNetwork: y is hostNetwork: true");
    }

    @Test
    void aListenersTlsNIsFalseAndYIsTrue(@TempDir Path dir) throws IOException {
        String text = Files.readString(Path.of("examples/eventstreams-quickstart.yaml"));
        assertTrue(text.contains("tls: false") && text.contains("tls: true"));
        Path words = Files.writeString(dir.resolve("es.yaml"), text.replace("tls: false", "tls: n").replace("tls: true", "tls: Y"));
        CliRun r = CliRun.run("render", "-f", words.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().isEmpty());
        assertEquals(CliRun.run("render", "-f", "examples/eventstreams-quickstart.yaml").out(), r.out());
    }
}
