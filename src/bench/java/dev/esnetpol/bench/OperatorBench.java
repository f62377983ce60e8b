package dev.esnetpol.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.esnetpol.model.EventStreams;
import dev.esnetpol.model.EventStreamsGeoReplicator;
import dev.esnetpol.model.KafkaConnect;
import dev.esnetpol.model.KafkaMirrorMaker2;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator at scale, as the shipped Deployment runs it: fabric8's mock API server (CRUD mode) in this
 * process holds N copies of {@code examples/eventstreams-production.yaml} (10 policies each, 10 instances per
 * namespace) before the operator starts; the operator runs as its own process ({@code es-netpol operator}
 * from {@code target/es-netpol.jar}) with the JVM options and memory limit read from
 * {@code deploy/operator/deployment.yaml} ({@code JAVA_TOOL_OPTIONS}, {@code resources.limits.memory}, given to
 * the JVM as {@code -XX:MaxRAM} as a container's cgroup limit would be).
 * <p>
 * Prints one table row per instance count: cold start (operator process started → every policy created and
 * every instance's status written), API requests by verb during the cold start and during 10 s of idle after,
 * peak heap (largest heap in use before a collection, from the JVM's GC log) and peak RSS ({@code VmHWM} of
 * the operator's process, as the kernel counts it against the container's limit).
 *
 * <pre>mvn -B -Pbench -DskipTests package &amp;&amp; java -cp target/benchmarks.jar dev.esnetpol.bench.OperatorBench 100 300 1000</pre>
 */
public final class OperatorBench {

    private static final int PER_NAMESPACE = 10;
    private static final Pattern HEAP_BEFORE_GC = Pattern.compile("Pause.*? (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private OperatorBench() {
    }

    /** Held so that the setting stays: the mock logs every request at INFO, which would cost this process more than serving it. */
    private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    public static void main(String[] args) throws Exception {
        MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
        List<Integer> counts = new ArrayList<>();
        for (String a : args) {
            counts.add(Integer.parseInt(a));
        }
        if (counts.isEmpty()) {
            counts = List.of(100, 300, 1000);
        }
        Path jar = Path.of(System.getProperty("esnetpol.jar", "target/es-netpol.jar"));
        List<String> jvmFlags = deploymentJvmFlags(Path.of("deploy/operator/deployment.yaml"));
        System.out.println("operator JVM: " + String.join(" ", jvmFlags) + ", environment " + deploymentEnv(Path.of("deploy/operator/deployment.yaml"))
                + " (deploy/operator/deployment.yaml)");
        System.out.println("| instances (policies) | cold start | operator CPU | API stand-in CPU | load average | requests during cold start | requests in 10 s idle | peak heap | peak RSS |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        int exit = 1;
        try {
            for (int n : counts) {
                System.out.println(run(n, jar, jvmFlags));
            }
            exit = 0;
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            // The mock server's threads are not daemons: without this a failed run would never end.
            System.out.flush();
            // Profiling the stand-in (java -XX:StartFlightRecording=filename=F ...): halt skips the JVM's dump at exit.
            if (jdk.jfr.FlightRecorder.isInitialized()) {
                jdk.jfr.FlightRecorder.getFlightRecorder().getRecordings().forEach(jdk.jfr.Recording::stop);
            }
            Runtime.getRuntime().halt(exit);
        }
    }

    /** The Deployment's JAVA_TOOL_OPTIONS, and its memory limit as the JVM would see it in the container. */
    static List<String> deploymentJvmFlags(Path deployment) throws IOException {
        JsonNode container = new ObjectMapper(new YAMLFactory()).readTree(deployment.toFile())
                .path("spec").path("template").path("spec").path("containers").path(0);
        List<String> flags = new ArrayList<>();
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals("JAVA_TOOL_OPTIONS")) {
                flags.addAll(List.of(env.path("value").asText().trim().split("\\s+")));
            }
        }
        // Physical memory as the JVM sees it in the container: what MaxRAMPercentage is a share of. (The JVM's choice
        // of collector also depends on it; the Deployment names its collector, so the bench runs the same one.)
        String limit = container.path("resources").path("limits").path("memory").asText();
        if (!limit.endsWith("Mi")) {
            throw new IllegalStateException("expected a memory limit in Mi, found '" + limit + "'");
        }
        flags.add("-XX:MaxRAM=" + limit.substring(0, limit.length() - 2) + "m");
        return flags;
    }

    /** The container's other environment variables with a literal value (MALLOC_ARENA_MAX, ...), as the pod has them. */
    static Map<String, String> deploymentEnv(Path deployment) throws IOException {
        JsonNode container = new ObjectMapper(new YAMLFactory()).readTree(deployment.toFile())
                .path("spec").path("template").path("spec").path("containers").path(0);
        Map<String, String> out = new TreeMap<>();
        for (JsonNode env : container.path("env")) {
            if (env.has("value") && !env.path("name").asText().equals("JAVA_TOOL_OPTIONS")) {
                out.put(env.path("name").asText(), env.path("value").asText());
            }
        }
        return out;
    }

    private static String run(int instances, Path jar, List<String> jvmFlags) throws Exception {
        CountingDispatcher dispatcher = new CountingDispatcher();
        KubernetesMockServer server = new KubernetesMockServer(new io.fabric8.mockwebserver.Context(),
                new io.fabric8.mockwebserver.MockWebServer(), new java.util.HashMap<>(), dispatcher, false);
        server.init();
        KubernetesClient client = server.createClient(b -> b.editOrNewConfig().withRequestRetryBackoffLimit(0).endConfig());
        String template = Files.readString(Path.of("examples/eventstreams-production.yaml"));
        GenericKubernetesResource production = Serialization.unmarshal(template, GenericKubernetesResource.class);
        for (int i = 0; i < instances; i++) {
            production.getMetadata().setName("production" + i);
            production.getMetadata().setNamespace("ns" + i / PER_NAMESPACE);
            production.getMetadata().setUid(null);
            production.getMetadata().setResourceVersion(null);
            client.genericKubernetesResources(CustomResourceDefinitionContext.fromCustomResourceType(EventStreams.class)).resource(production).create();
        }
        int policies = instances * 10;
        Path dir = Files.createTempDirectory("operator-bench");
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: mock, cluster: {server: "%s"}}]
                users: [{name: bench, user: {token: bench}}]
                contexts: [{name: mock, context: {cluster: mock, user: bench, namespace: default}}]
                current-context: mock
                """.formatted(client.getMasterUrl().toString().replaceAll("/$", "")));
        Path gcLog = dir.resolve("gc.log");
        Path log = dir.resolve("operator.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmFlags);
        // Profiling only (e.g. -Doperatorbench.jvmFlags=-XX:StartFlightRecording=filename=op.jfr): never part of the figures.
        String extra = System.getProperty("operatorbench.jvmFlags", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-Xlog:gc:file=" + gcLog, "-cp", jar.toString(), "dev.esnetpol.cli.Main", "operator", "--metrics-port", "0"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("KUBECONFIG", kubeconfig.toString());
        pb.environment().putAll(deploymentEnv(Path.of("deploy/operator/deployment.yaml")));
        dispatcher.clearCounts();
        String loadBefore = loadAverage();
        long mockCpuBefore = ownCpuNanos();
        long start = System.nanoTime();
        Process operator = pb.start();
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while (dispatcher.created.sum() < policies || dispatcher.statusWrites.sum() < instances) {
                if (!operator.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the operator " + (operator.isAlive() ? "did not finish in 30 min" : "exited")
                            + " (" + dispatcher.created.sum() + " of " + policies + " policies created); its log: " + log);
                }
                Thread.sleep(20);
            }
            double cold = (System.nanoTime() - start) / 1e9;
            double cpu = cpuSeconds(operator.pid());
            double mockCpu = (ownCpuNanos() - mockCpuBefore) / 1e9;
            String load = loadBefore + " → " + loadAverage();
            Map<String, Long> coldRequests = dispatcher.snapshot();
            dispatcher.clearCounts();
            Thread.sleep(10_000);
            Map<String, Long> idle = dispatcher.snapshot();
            long rssKiB = vmHwmKiB(operator.pid());
            operator.destroy();
            operator.waitFor();
            return "| %,d (%,d) | %.1f s | %.1f s | %.1f s | %s | %s | %s | %d MiB | %d MiB |".formatted(instances, policies, cold, cpu, mockCpu,
                    load, coldRequests, idle, peakHeapMiB(gcLog), rssKiB / 1024);
        } finally {
            if (operator.isAlive()) {
                operator.destroyForcibly();
            }
            client.close();
            server.destroy();
        }
    }

    /** CPU time this process (the API stand-in) has used, in ns. */
    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The machine's load average over the last minute ({@code /proc/loadavg}): how much else wanted the cores. */
    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    /** CPU time the process has used (user + system, /proc/PID/stat fields 14 and 15, in clock ticks of 1/100 s). */
    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    /** The process' peak resident set ({@code VmHWM} in /proc/PID/status), in KiB. */
    private static long vmHwmKiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmHWM for " + pid);
    }

    /** The most heap in use before any collection, from {@code -Xlog:gc} lines such as "Pause Young ... 200M->50M(384M)". */
    private static long peakHeapMiB(Path gcLog) throws IOException {
        long peak = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = HEAP_BEFORE_GC.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(1)));
            }
        }
        return peak;
    }

    /** The mock API server's CRUD behaviour, counting requests by verb and resource (watches apart). */
    private static final class CountingDispatcher extends IndexedCrudDispatcher {
        final LongAdder created = new LongAdder();
        final LongAdder statusWrites = new LongAdder();
        private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();

        CountingDispatcher() {
            super(List.of(CustomResourceDefinitionContext.fromCustomResourceType(EventStreams.class),
                    CustomResourceDefinitionContext.fromCustomResourceType(KafkaConnect.class),
                    CustomResourceDefinitionContext.fromCustomResourceType(KafkaMirrorMaker2.class),
                    CustomResourceDefinitionContext.fromCustomResourceType(EventStreamsGeoReplicator.class)));
        }

        /**
         * API discovery as kube-apiserver answered it where issue 26 was measured (the CRUD mock does not serve it): the
         * three versions of the group, v1 preferred (Kubernetes' version priority), the geo-replicator at v1beta1 only.
         */
        private static final Map<String, String> DISCOVERY = Map.of(
                "/apis/eventstreams.ibm.com", """
                        {"kind":"APIGroup","apiVersion":"v1","name":"eventstreams.ibm.com","versions":[
                         {"groupVersion":"eventstreams.ibm.com/v1","version":"v1"},
                         {"groupVersion":"eventstreams.ibm.com/v1beta2","version":"v1beta2"},
                         {"groupVersion":"eventstreams.ibm.com/v1beta1","version":"v1beta1"}],
                         "preferredVersion":{"groupVersion":"eventstreams.ibm.com/v1","version":"v1"}}""",
                "/apis/eventstreams.ibm.com/v1", resources("v1", "eventstreams", "kafkaconnects", "kafkamirrormaker2s"),
                "/apis/eventstreams.ibm.com/v1beta2", resources("v1beta2", "eventstreams", "kafkaconnects", "kafkamirrormaker2s"),
                "/apis/eventstreams.ibm.com/v1beta1", resources("v1beta1", "eventstreams", "kafkaconnects", "kafkamirrormaker2s",
                        "eventstreamsgeoreplicators"));

        private static String resources(String version, String... plurals) {
            StringBuilder items = new StringBuilder();
            for (String p : plurals) {
                items.append(items.length() == 0 ? "" : ",").append("{\"name\":\"").append(p).append("\",\"namespaced\":true,\"kind\":\"x\",\"verbs\":[\"list\",\"watch\"]}");
            }
            return "{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\",\"groupVersion\":\"eventstreams.ibm.com/" + version
                    + "\",\"resources\":[" + items + "]}";
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String path = request.getPath();
            if (DISCOVERY.containsKey(path)) {
                requests.computeIfAbsent("GET", v -> new AtomicLong()).incrementAndGet();
                return new MockResponse().setResponseCode(200).setBody(DISCOVERY.get(path));
            }
            String verb = path.contains("watch=true") ? "WATCH" : request.getMethod();
            requests.computeIfAbsent(verb, v -> new AtomicLong()).incrementAndGet();
            MockResponse response = super.dispatch(request);
            if (response.code() / 100 == 2) {
                if (verb.equals("POST") && path.contains("/networkpolicies")) {
                    created.increment();
                } else if (verb.equals("PUT") && path.endsWith("/status")) {
                    statusWrites.increment();
                }
            }
            return response;
        }

        void clearCounts() {
            requests.clear();
        }

        Map<String, Long> snapshot() {
            Map<String, Long> out = new TreeMap<>();
            requests.forEach((k, v) -> out.put(k, v.get()));
            return out;
        }
    }
}
