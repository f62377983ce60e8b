package dev.esnetpol.testing;

import dev.esnetpol.generate.GeneratorOptions;
import dev.esnetpol.generate.PolicyGenerator;
import dev.esnetpol.input.YamlSources;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.ResourceReader;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Resources from YAML text or test resource files, read the way {@code render} reads them. */
public final class Fixtures {

    private Fixtures() {
    }

    public static List<EventStreamsResource> fromYaml(String yaml) {
        return ResourceReader.readAll(YamlSources.parse("test.yaml", yaml));
    }

    public static List<EventStreamsResource> fromResource(String name) {
        Path p = Path.of("src/test/resources/fixtures", name);
        try {
            return ResourceReader.readAll(YamlSources.parse(p.toString(), Files.readString(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Policies by name. */
    public static Map<String, NetworkPolicy> render(List<EventStreamsResource> resources, GeneratorOptions options) {
        return new PolicyGenerator(options).generate(resources, null).stream()
                .collect(Collectors.toMap(p -> p.getMetadata().getName(), Function.identity(), (a, b) -> {
                    throw new AssertionError("two policies named " + a.getMetadata().getName());
                }, java.util.LinkedHashMap::new));
    }

    public static Map<String, NetworkPolicy> render(List<EventStreamsResource> resources) {
        return render(resources, GeneratorOptions.defaults());
    }
}
