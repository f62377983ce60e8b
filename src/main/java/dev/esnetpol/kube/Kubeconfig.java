package dev.esnetpol.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What kubectl reads from the kubeconfig before it talks to anyone: which files ({@code -Dkubeconfig},
 * then {@code $KUBECONFIG}, then {@code ~/.kube/config}, as fabric8 and kubectl look), the current context
 * and its namespace. Read with Jackson, without building a client (which would log and retry).
 */
public record Kubeconfig(List<Path> files, String currentContext, boolean contextDefined, String namespace, String server) {

    private static final YAMLMapper YAML = new YAMLMapper();

    /** The kubeconfig of this process's environment. */
    public static Kubeconfig load() {
        return load(System.getProperty("kubeconfig"), System.getenv(), System.getProperty("user.home"));
    }

    /** The kubeconfig named by a {@code kubeconfig} system property, else the environment, else {@code HOME/.kube/config}. */
    public static Kubeconfig load(String property, Map<String, String> env, String home) {
        return load(property, env, home, null);
    }

    /**
     * The same, with {@code context} (kubectl's {@code --context}) taken instead of the files' current-context
     * when not null.
     */
    public static Kubeconfig load(String property, Map<String, String> env, String home, String contextOverride) {
        List<Path> files = new ArrayList<>();
        if (property != null && !property.isEmpty()) {
            files.add(Path.of(property));
        } else if (env.get("KUBECONFIG") != null && !env.get("KUBECONFIG").isEmpty()) {
            for (String f : env.get("KUBECONFIG").split(File.pathSeparator)) {
                if (!f.isEmpty()) {
                    files.add(Path.of(f));
                }
            }
        } else if (home != null) {
            files.add(Path.of(home, ".kube", "config"));
        }
        List<JsonNode> trees = new ArrayList<>();
        List<Path> existing = new ArrayList<>();
        for (Path f : files) {
            if (Files.isRegularFile(f)) {
                try {
                    JsonNode tree = YAML.readTree(f.toFile());
                    if (tree != null && tree.isObject()) {
                        trees.add(tree);
                        existing.add(f);
                    }
                } catch (IOException e) {
                    // an unreadable kubeconfig is reported by whoever needs a cluster; for namespaces it is absent
                }
            }
        }
        // kubectl's merge: the first file that sets current-context wins, and so does the first definition of a context.
        String current = contextOverride != null ? contextOverride
                : trees.stream().map(t -> t.path("current-context").asText("")).filter(s -> !s.isEmpty()).findFirst().orElse(null);
        JsonNode context = null;
        if (current != null) {
            for (JsonNode t : trees) {
                for (JsonNode c : t.path("contexts")) {
                    if (context == null && current.equals(c.path("name").asText())) {
                        context = c.path("context");
                    }
                }
            }
        }
        String namespace = context == null ? null : Optional.of(context.path("namespace").asText("")).filter(s -> !s.isEmpty()).orElse(null);
        String server = null;
        if (context != null) {
            String cluster = context.path("cluster").asText("");
            for (JsonNode t : trees) {
                for (JsonNode c : t.path("clusters")) {
                    if (server == null && cluster.equals(c.path("name").asText())) {
                        server = c.path("cluster").path("server").asText(null);
                    }
                }
            }
        }
        return new Kubeconfig(existing.isEmpty() ? files : existing, current, context != null, namespace, server);
    }

    /** Whether any of the files exists and could be read. */
    public boolean found() {
        return files.stream().anyMatch(Files::isRegularFile);
    }
}
