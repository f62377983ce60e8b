package dev.esnetpol.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.esnetpol.input.InputProblem;
import dev.esnetpol.input.InvalidInputException;
import dev.esnetpol.input.YamlDocument;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns documents into typed Event Streams resources, checking everything es-netpol reads. The same
 * code serves {@code render} and the admission webhook, so a resource the webhook admits always renders.
 */
public final class ResourceReader {

    /**
     * The kinds es-netpol reads and the apiVersions each exists in, oldest first: {@code v1beta1} (10.x),
     * {@code v1beta2} (10.x to 12.3), {@code v1} (13.0, which removed {@code v1beta2} and
     * {@code EventStreamsGeoReplicator}; versions.md, "13.0 API change"). Every version is read into the same
     * class: the fields es-netpol reads kept their place across versions (the map and list forms of
     * {@code listeners} are both read, whatever the version).
     */
    public static final Map<String, List<String>> API_VERSIONS = Map.of(
            "EventStreams", List.of("eventstreams.ibm.com/v1beta1", "eventstreams.ibm.com/v1beta2", "eventstreams.ibm.com/v1"),
            "KafkaConnect", List.of("eventstreams.ibm.com/v1beta1", "eventstreams.ibm.com/v1beta2", "eventstreams.ibm.com/v1"),
            "KafkaMirrorMaker2", List.of("eventstreams.ibm.com/v1beta1", "eventstreams.ibm.com/v1beta2", "eventstreams.ibm.com/v1"),
            "EventStreamsGeoReplicator", List.of("eventstreams.ibm.com/v1beta1"));

    /** The apiVersion of Event Streams 13.0, which no longer runs EventStreamsGeoReplicator. */
    public static final String V1 = "eventstreams.ibm.com/v1";

    private static final Map<String, Class<? extends EventStreamsResource>> TYPES = Map.of(
            "EventStreams", EventStreams.class,
            "KafkaConnect", KafkaConnect.class,
            "KafkaMirrorMaker2", KafkaMirrorMaker2.class,
            "EventStreamsGeoReplicator", EventStreamsGeoReplicator.class);

    /**
     * The mapper, built when the first resource is read: {@link #isEventStreamsKind} is asked of every document
     * by commands that may never meet an Event Streams resource, and building a mapper was 7 % of the main
     * thread's samples in a 100-pod {@code matrix} (README, "Start-up").
     */
    private static final class Mapper {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(new com.fasterxml.jackson.databind.module.SimpleModule().addDeserializer(String.class, new StrictScalars.Text()))
                .addHandler(new ProblemRecorder())
                .build();
    }

    private ResourceReader() {
    }

    public static boolean isEventStreamsKind(YamlDocument doc) {
        return TYPES.containsKey(doc.kind()) && doc.apiVersion().startsWith(EventStreamsResource.GROUP + "/");
    }

    /** Reads every document as an Event Streams resource; any other kind is an error. Warnings are dropped. */
    public static List<EventStreamsResource> readAll(List<YamlDocument> documents) {
        return readAll(documents, false, w -> { }).resources();
    }

    /** The resources read and the warnings about keys es-netpol does not know (see {@link #check(YamlDocument, boolean)}). */
    public record Read(List<EventStreamsResource> resources, List<InputProblem> warnings) {
    }

    /**
     * Reads every document as an Event Streams resource; any other kind is an error.
     *
     * @param strict   whether keys near no key es-netpol reads are errors ({@code --strict}) rather than warnings
     * @param warnings receives the warnings as they are found, even when the reading then fails
     * @throws InvalidInputException with every problem of every document
     */
    public static Read readAll(List<YamlDocument> documents, boolean strict, java.util.function.Consumer<InputProblem> warnings) {
        Map<YamlDocument, EventStreamsResource> read = new java.util.LinkedHashMap<>();
        List<InputProblem> problems = new ArrayList<>();
        List<InputProblem> warned = new ArrayList<>();
        for (YamlDocument doc : documents) {
            Result r = check(doc, strict);
            problems.addAll(r.problems());
            warned.addAll(r.warnings());
            r.warnings().forEach(warnings);
            if (r.resource() != null) {
                read.put(doc, r.resource());
            }
        }
        List<EventStreamsResource> resources = new ArrayList<>(read.values());
        problems.addAll(removedGeoReplicators(read));
        problems.addAll(declaredTwice(read));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Read(resources, warned);
    }

    /**
     * 13.0 ({@code eventstreams.ibm.com/v1}) removed EventStreamsGeoReplicator: geo-replication creates
     * KafkaMirrorMaker2 resources directly since 12.3 (versions.md). One that names a v1 instance is refused.
     */
    private static List<InputProblem> removedGeoReplicators(Map<YamlDocument, EventStreamsResource> read) {
        java.util.Set<String> v1Instances = new java.util.HashSet<>();
        read.values().stream().filter(r -> r instanceof EventStreams && V1.equals(r.getApiVersion()))
                .forEach(r -> v1Instances.add(Installations.namespace(r, null) + "/" + r.getMetadata().getName()));
        List<InputProblem> out = new ArrayList<>();
        read.forEach((doc, r) -> {
            if (r instanceof EventStreamsGeoReplicator) {
                Installations.instanceOf(r)
                        .filter(i -> v1Instances.contains(Installations.namespace(r, null) + "/" + i))
                        .ifPresent(i -> {
                            Problems p = new Problems(doc);
                            p.add("kind", "EventStreamsGeoReplicator was removed in Event Streams 13.0, and instance '" + i
                                    + "' is " + V1 + " (13.0): declare the geo-replication as a KafkaMirrorMaker2 resource instead");
                            out.addAll(p.list());
                        });
            }
        });
        return out;
    }

    /**
     * A namespace holds one resource of a kind and name: a second declaration would replace the first when
     * applied, so rendering both would describe an installation that cannot exist. Refused, naming both places
     * (IBM's samples, for one, all name their instance {@code minimal-prod} or {@code light-insecure}).
     */
    private static List<InputProblem> declaredTwice(Map<YamlDocument, EventStreamsResource> read) {
        Map<String, YamlDocument> first = new java.util.HashMap<>();
        List<InputProblem> out = new ArrayList<>();
        read.forEach((doc, r) -> {
            String key = r.getKind() + " " + Installations.namespace(r, null) + "/" + r.getMetadata().getName();
            YamlDocument earlier = first.putIfAbsent(key, doc);
            if (earlier != null) {
                Problems p = new Problems(doc);
                p.add("metadata.name", key + " is already declared at " + earlier.file() + ":" + earlier.line()
                        + "; a namespace holds one " + r.getKind() + " of a name (give each its own metadata.name or metadata.namespace, "
                        + "or pass the files one at a time: -n puts every object without a namespace in the same one)");
                out.addAll(p.list());
            }
        });
        return out;
    }

    /** Reads one resource, or throws with every problem it has. */
    public static EventStreamsResource read(YamlDocument doc) {
        Result r = check(doc);
        if (!r.problems().isEmpty()) {
            throw new InvalidInputException(r.problems());
        }
        return r.resource();
    }

    /**
     * The resource (when it could be read), all of its problems, and its warnings: keys near no key es-netpol
     * reads, which the product's API server (not es-netpol) decides about.
     */
    public record Result(EventStreamsResource resource, List<InputProblem> problems, List<InputProblem> warnings) {
    }

    /** {@link #check(YamlDocument, boolean)}, not strict: what the API server accepts is read, with warnings. */
    public static Result check(YamlDocument doc) {
        return check(doc, false);
    }

    /**
     * Reads one document and checks everything es-netpol reads in it.
     *
     * @param strict whether a key near no key es-netpol reads is an error rather than a warning
     */
    public static Result check(YamlDocument doc, boolean strict) {
        Problems problems = new Problems(doc);
        String kind = doc.kind();
        Class<? extends EventStreamsResource> type = TYPES.get(kind);
        if (kind.isEmpty()) {
            problems.add("kind", "missing kind (expected one of " + String.join(", ", API_VERSIONS.keySet().stream().sorted().toList()) + ")");
            return new Result(null, problems.list(), List.of());
        }
        if (type == null) {
            problems.add("kind", "unknown kind '" + kind + "' (es-netpol reads " + String.join(", ", API_VERSIONS.keySet().stream().sorted().toList()) + ")");
            return new Result(null, problems.list(), List.of());
        }
        List<String> expected = API_VERSIONS.get(kind);
        if (!expected.contains(doc.apiVersion())) {
            problems.add("apiVersion", "'" + doc.apiVersion() + "' is not supported for " + kind + " (expected "
                    + String.join(" or ", expected) + ")");
        }
        EventStreamsResource resource = null;
        try {
            resource = Mapper.MAPPER.readerFor(type).withAttribute(Problems.class, problems).readValue(doc.node());
        } catch (JsonMappingException e) {
            problems.add(YamlDocument.pathOf(e), YamlDocument.messageOf(e));
        } catch (IOException e) {
            problems.add("", e.getMessage());
        }
        if (resource != null) {
            // fabric8 stamps a CustomResource with its class's @Version; keep the version the document says
            // (owner references name it, and v1 means 13.0 to the table choice).
            if (expected.contains(doc.apiVersion())) {
                resource.setApiVersion(doc.apiVersion());
            }
            StrictKeys.check(resource, doc.node(), problems);
            ResourceValidator.validate(resource, problems);
        }
        List<InputProblem> all = new ArrayList<>(problems.list());
        List<InputProblem> warnings = new ArrayList<>();
        for (InputProblem w : problems.warnings()) {
            (strict ? all : warnings).add(new InputProblem(w.file(), w.line(), w.path(), w.message()
                    + (strict ? " (refused by --strict)" : ": the API server decides whether it is valid (--strict refuses it)")));
        }
        return new Result(all.isEmpty() ? resource : null, all, warnings);
    }

    /**
     * A fabric8 serialization for clients that read these kinds from a cluster (the operator's informers): a
     * field of the wrong type becomes absent instead of failing the whole read, so one resource applied with
     * {@code port: nine-thousand} (while the webhook was down) is reported invalid by validation rather than
     * stopping the informer that watches every resource of its kind.
     */
    public static io.fabric8.kubernetes.client.utils.KubernetesSerialization tolerantSerialization() {
        ObjectMapper mapper = new ObjectMapper().addHandler(new ProblemRecorder());
        return new io.fabric8.kubernetes.client.utils.KubernetesSerialization(mapper, true);
    }

    /** The mapper used for these kinds, for writing them back (status updates, tests). */
    public static ObjectMapper mapper() {
        return Mapper.MAPPER;
    }
}
