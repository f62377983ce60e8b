package dev.esnetpol.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link Kustomization}, the in-JVM reading of deploy/ the Helm chart is compared with, equals what the real
 * {@code kubectl kustomize} builds, object for object. Skipped where kubectl is not installed (Maven Central has
 * no kustomize), so it guards the reading on the development machines that have it.
 */
class KustomizationTest {

    static Path kubectl() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator)).map(d -> Path.of(d, "kubectl"))
                .filter(Files::isExecutable).findFirst().orElse(null);
    }

    static Map<String, HasMetadata> byKey(List<HasMetadata> objects) {
        Map<String, HasMetadata> out = new TreeMap<>();
        objects.forEach(o -> out.put(HelmChartTest.key(o), o));
        assertEquals(objects.size(), out.size(), "no two objects with one kind, namespace and name");
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy", "deploy/crds", "deploy/crds/13.0"})
    void theReadingEqualsKubectlKustomize(String dir) throws IOException, InterruptedException {
        Path kubectl = kubectl();
        assumeTrue(kubectl != null, "kubectl is not installed");
        Process p = new ProcessBuilder(kubectl.toString(), "kustomize", dir).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(byKey(Kustomization.parse(out)), byKey(Kustomization.build(Path.of(dir))));
    }
}
