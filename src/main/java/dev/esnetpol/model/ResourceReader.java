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

    /** The kinds es-netpol reads and the apiVersion each must have (conventions.md). */
    public static final Map<String, String> API_VERSIONS = Map.of(
            "EventStreams", "eventstreams.ibm.com/v1beta2",
            "KafkaConnect", "eventstreams.ibm.com/v1beta2",
            "KafkaMirrorMaker2", "eventstreams.ibm.com/v1beta2",
            "EventStreamsGeoReplicator", "eventstreams.ibm.com/v1beta1");

    private static final Map<String, Class<? extends EventStreamsResource>> TYPES = Map.of(
            "EventStreams", EventStreams.class,
            "KafkaConnect", KafkaConnect.class,
            "KafkaMirrorMaker2", KafkaMirrorMaker2.class,
            "EventStreamsGeoReplicator", EventStreamsGeoReplicator.class);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)

            .addHandler(new ProblemRecorder())
            .build();

    private ResourceReader() {
    }

    public static boolean isEventStreamsKind(YamlDocument doc) {
        return TYPES.containsKey(doc.kind()) && doc.apiVersion().startsWith(EventStreamsResource.GROUP + "/");
    }

    /** Reads every document as an Event Streams resource; any other kind is an error. */
    public static List<EventStreamsResource> readAll(List<YamlDocument> documents) {
        List<EventStreamsResource> resources = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        for (YamlDocument doc : documents) {
            Result r = check(doc);
            problems.addAll(r.problems());
            if (r.resource() != null) {
                resources.add(r.resource());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return resources;
    }

    /** Reads one resource, or throws with every problem it has. */
    public static EventStreamsResource read(YamlDocument doc) {
        Result r = check(doc);
        if (!r.problems().isEmpty()) {
            throw new InvalidInputException(r.problems());
        }
        return r.resource();
    }

    /** The resource (when it could be read) and all of its problems. */
    public record Result(EventStreamsResource resource, List<InputProblem> problems) {
    }

    public static Result check(YamlDocument doc) {
        Problems problems = new Problems(doc);
        String kind = doc.kind();
        Class<? extends EventStreamsResource> type = TYPES.get(kind);
        if (kind.isEmpty()) {
            problems.add("kind", "missing kind (expected one of " + String.join(", ", API_VERSIONS.keySet().stream().sorted().toList()) + ")");
            return new Result(null, problems.list());
        }
        if (type == null) {
            problems.add("kind", "unknown kind '" + kind + "' (es-netpol reads " + String.join(", ", API_VERSIONS.keySet().stream().sorted().toList()) + ")");
            return new Result(null, problems.list());
        }
        String expected = API_VERSIONS.get(kind);
        if (!expected.equals(doc.apiVersion())) {
            problems.add("apiVersion", "'" + doc.apiVersion() + "' is not supported for " + kind + " (expected " + expected + ")");
        }
        EventStreamsResource resource = null;
        try {
            resource = MAPPER.readerFor(type).withAttribute(Problems.class, problems).readValue(doc.node());
        } catch (JsonMappingException e) {
            problems.add(path(e), e.getOriginalMessage());
        } catch (IOException e) {
            problems.add("", e.getMessage());
        }
        if (resource != null) {
            ResourceValidator.validate(resource, problems);
        }
        return new Result(problems.isEmpty() ? resource : null, problems.list());
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            }
        }
        return sb.toString();
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
        return MAPPER;
    }
}
