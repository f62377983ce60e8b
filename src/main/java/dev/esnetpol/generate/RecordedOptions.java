package dev.esnetpol.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.esnetpol.catalogue.TableSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a policy was made: the generation options that change policies, recorded in the annotation
 * {@value #ANNOTATION} as a JSON object of those that differ from the defaults ({@code egress}, {@code
 * operatorNamespaceLabels}, {@code dnsPorts}, {@code apiServerCidrs}, {@code tables}, {@code platform} (when forced),
 * {@code metricsFrom}; the command-line flags {@code --egress}, {@code --operator-namespace-labels}, {@code --dns-port},
 * {@code --api-server-cidr}, {@code --tables}, {@code --platform}, {@code --metrics-from}). Absent means rendered with the defaults, or by an
 * es-netpol that did not record them; a policy rendered with the defaults then reads as it always did. Review
 * reproduces each policy with the options it records.
 */
public final class RecordedOptions {

    /** The annotation on each rendered policy that holds its options (when they are not the defaults). */
    public static final String ANNOTATION = "es-netpol/options";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private RecordedOptions() {
    }

    /** The annotation's value for {@code options}, or empty when they are the defaults. */
    public static Optional<String> annotation(GeneratorOptions options) {
        Map<String, Object> m = fields(options);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.writeValueAsString(m));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the options annotation: " + e.getMessage(), e);
        }
    }

    /** The fields that differ from the defaults, in a stable order (the annotation, and what review compares). */
    private static Map<String, Object> fields(GeneratorOptions o) {
        GeneratorOptions d = GeneratorOptions.defaults();
        Map<String, Object> m = new LinkedHashMap<>();
        if (o.egress() != d.egress()) {
            m.put("egress", o.egress());
        }
        if (!o.operatorNamespaceLabels().isEmpty()) {
            m.put("operatorNamespaceLabels", new java.util.TreeMap<>(o.operatorNamespaceLabels()));
        }
        if (!o.dnsPorts().equals(d.dnsPorts())) {
            m.put("dnsPorts", o.dnsPorts());
        }
        if (!o.apiServerCidrs().isEmpty()) {
            m.put("apiServerCidrs", o.apiServerCidrs());
        }
        o.tables().ifPresent(t -> m.put("tables", t.id()));
        o.platform().forced().ifPresent(p -> m.put("platform", p.id()));
        if (!o.metricsFrom().isEmpty()) {
            m.put("metricsFrom", o.metricsFrom().stream().map(p -> JSON.convertValue(p, Object.class)).toList());
        }
        return m;
    }

    /**
     * The options an annotation records, on top of the defaults.
     *
     * @throws IllegalArgumentException naming the field when the value is not what {@link #annotation} writes
     */
    public static GeneratorOptions read(String annotation) {
        GeneratorOptions d = GeneratorOptions.defaults();
        JsonNode n;
        try {
            n = JSON.readTree(annotation);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(ANNOTATION + ": not JSON: " + e.getOriginalMessage());
        }
        if (!(n instanceof ObjectNode)) {
            throw new IllegalArgumentException(ANNOTATION + ": expected a JSON object");
        }
        boolean egress = n.path("egress").asBoolean(d.egress());
        Map<String, String> labels = new LinkedHashMap<>();
        n.path("operatorNamespaceLabels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        List<Integer> dns = new ArrayList<>();
        n.path("dnsPorts").forEach(p -> dns.add(p.asInt()));
        List<String> cidrs = new ArrayList<>();
        n.path("apiServerCidrs").forEach(c -> cidrs.add(c.asText()));
        Optional<TableSet> tables = n.has("tables") ? TableSet.parse(n.path("tables").asText()) : Optional.empty();
        if (n.has("tables") && tables.isEmpty()) {
            throw new IllegalArgumentException(ANNOTATION + ": tables: '" + n.path("tables").asText() + "' is not " + TableSet.accepted());
        }
        List<NetworkPolicyPeer> peers = new ArrayList<>();
        n.path("metricsFrom").forEach(p -> peers.add(JSON.convertValue(p, NetworkPolicyPeer.class)));
        PlatformChoice.Setting platform = n.has("platform")
                ? new PlatformChoice.Setting(Optional.of(dev.esnetpol.catalogue.Platform.parse(n.path("platform").asText())), Optional.empty())
                : PlatformChoice.Setting.DETECT;
        return new GeneratorOptions(egress, labels, dns.isEmpty() ? d.dnsPorts() : dns, d.apiServerPorts(), cidrs, tables, peers, platform);
    }

    /** The recorded options of a policy, if it records any. */
    public static Optional<String> of(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy policy) {
        Map<String, String> a = policy.getMetadata().getAnnotations();
        return a == null ? Optional.empty() : Optional.ofNullable(a.get(ANNOTATION));
    }

    /**
     * What differs between two sets of options, one phrase per option, as the command line names them
     * ({@code --metrics-from: [...] recorded, none requested}).
     */
    public static List<String> differences(GeneratorOptions recorded, GeneratorOptions requested) {
        Map<String, Object> a = fields(recorded);
        Map<String, Object> b = fields(requested);
        List<String> out = new ArrayList<>();
        for (String key : List.of("egress", "operatorNamespaceLabels", "dnsPorts", "apiServerCidrs", "tables", "platform", "metricsFrom")) {
            if (!Objects.equals(a.get(key), b.get(key))) {
                out.add(flag(key) + ": " + text(a.get(key)) + " recorded, " + text(b.get(key)) + " requested");
            }
        }
        return out;
    }

    private static String flag(String key) {
        return switch (key) {
            case "operatorNamespaceLabels" -> "--operator-namespace-labels";
            case "dnsPorts" -> "--dns-port";
            case "apiServerCidrs" -> "--api-server-cidr";
            case "metricsFrom" -> "--metrics-from";
            default -> "--" + key;
        };
    }

    private static String text(Object value) {
        if (value == null) {
            return "the default";
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
