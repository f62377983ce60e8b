package dev.esnetpol.review;

import dev.esnetpol.cli.ObjectWriterAccess;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The production namespace of examples/es-prod-namespace, copied to a directory and altered. */
final class ReviewScenarios {

    static final Path CLEAN = Path.of("examples/es-prod-namespace");

    private ReviewScenarios() {
    }

    static List<NetworkPolicy> policies() throws IOException {
        String text = Files.readString(CLEAN.resolve("policies.yaml"));
        List<NetworkPolicy> out = new ArrayList<>();
        for (String doc : text.split("(?m)^---\\s*$")) {
            if (!doc.isBlank()) {
                out.add(Serialization.unmarshal(doc, NetworkPolicy.class));
            }
        }
        return out;
    }

    static NetworkPolicy denyAll() {
        return new NetworkPolicyBuilder().withNewMetadata().withName("default-deny-all").withNamespace("es-prod").endMetadata()
                .withNewSpec().withNewPodSelector().endPodSelector().withPolicyTypes("Ingress", "Egress").endSpec().build();
    }

    /** A copy of the clean namespace whose policies {@code change} edits. */
    static Path with(Path dir, Consumer<List<NetworkPolicy>> change) throws IOException {
        Files.createDirectories(dir);
        for (String f : List.of("resources.yaml", "pods.yaml", "namespaces.yaml")) {
            Files.copy(CLEAN.resolve(f), dir.resolve(f));
        }
        List<NetworkPolicy> policies = policies();
        change.accept(policies);
        StringBuilder sb = new StringBuilder();
        policies.forEach(p -> sb.append("---\n").append(ObjectWriterAccess.yaml(p)));
        Files.writeString(dir.resolve("policies.yaml"), sb.toString());
        return dir;
    }

    static NetworkPolicy named(List<NetworkPolicy> policies, String name) {
        return policies.stream().filter(p -> p.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }
}
