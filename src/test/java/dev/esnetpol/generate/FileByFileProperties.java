package dev.esnetpol.generate;

import dev.esnetpol.input.YamlDocument;
import dev.esnetpol.input.YamlSources;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.ResourceReader;
import dev.esnetpol.testing.SharedFiles;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A resource's policies do not depend on what else is in the run: the examples, the IBM samples and
 * cross-namespace Kafka Connect / MirrorMaker2 resources, split into files at random (as GitOps folders and the
 * operator's per-resource reconciles see them), render to the same union of policies as rendered together.
 */
class FileByFileProperties {

    /** Every resource of every example and sample, each sample in a namespace of its own. */
    static List<EventStreamsResource> everyResource() {
        List<EventStreamsResource> all = new ArrayList<>();
        try (Stream<Path> examples = Files.list(Path.of("examples")); Stream<Path> samples = Files.list(SharedFiles.resolve("samples/event-streams"))) {
            for (Path p : examples.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                all.addAll(ResourceReader.readAll(YamlSources.parse(p.toString(), Files.readString(p))));
            }
            all.addAll(ResourceReader.readAll(YamlSources.parse("cross-namespace.yaml",
                    Files.readString(Path.of("src/test/resources/fixtures/cross-namespace.yaml")))));
            int n = 0;
            for (Path p : samples.sorted().toList()) {
                for (EventStreamsResource r : ResourceReader.readAll(YamlSources.parse(p.toString(), Files.readString(p)))) {
                    r.getMetadata().setNamespace("sample-" + (++n));
                    all.add(r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    private static Map<String, NetworkPolicy> byName(List<NetworkPolicy> policies) {
        Map<String, NetworkPolicy> out = new TreeMap<>();
        for (NetworkPolicy p : policies) {
            NetworkPolicy before = out.put(p.getMetadata().getNamespace() + "/" + p.getMetadata().getName(), p);
            assertTrue(before == null || before.equals(p), "two renders disagree on " + p.getMetadata().getName());
        }
        return out;
    }

    @Provide
    Arbitrary<List<Integer>> files() {
        int size = everyResource().size();
        return Arbitraries.integers().between(0, size - 1).list().ofSize(size);
    }

    /** {@code file.get(i)} is the file resource i is written to. */
    @Property(tries = 40)
    void renderingFileByFileEqualsRenderingTogether(@ForAll("files") List<Integer> file) {
        List<EventStreamsResource> all = everyResource();
        PolicyGenerator generator = new PolicyGenerator(GeneratorOptions.defaults());
        Map<String, NetworkPolicy> together = byName(generator.generate(all, null));
        Map<Integer, List<EventStreamsResource>> files = new TreeMap<>();
        for (int i = 0; i < all.size(); i++) {
            files.computeIfAbsent(file.get(i), k -> new ArrayList<>()).add(all.get(i));
        }
        List<NetworkPolicy> apart = new ArrayList<>();
        files.values().forEach(resources -> apart.addAll(generator.generate(resources, null)));
        assertSame(together, byName(apart));
    }

    /** Names the policies that differ, rather than printing every policy. */
    private static void assertSame(Map<String, NetworkPolicy> together, Map<String, NetworkPolicy> apart) {
        assertEquals(together.keySet(), apart.keySet());
        for (String name : together.keySet()) {
            assertEquals(together.get(name), apart.get(name), name + " differs when its resources are rendered apart");
        }
    }

    @Property(tries = 1)
    void eachResourceAloneToo() {
        List<EventStreamsResource> all = everyResource();
        PolicyGenerator generator = new PolicyGenerator(GeneratorOptions.defaults());
        List<NetworkPolicy> apart = new ArrayList<>();
        all.forEach(r -> apart.addAll(generator.generate(List.of(r), null)));
        assertSame(byName(generator.generate(all, null)), byName(apart));
    }
}
