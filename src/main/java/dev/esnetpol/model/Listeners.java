package dev.esnetpol.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.esnetpol.catalogue.ListenerKind;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code spec.strimziOverrides.kafka.listeners} in either of its two forms (conventions.md): the list
 * form, where each listener names its own port, or the older map form {@code {plain, tls, external}}
 * with the fixed ports 9092, 9093 and 9094. Both become one list of {@link Listener}.
 */
@JsonDeserialize(using = Listeners.Reader.class)
public final class Listeners {

    public enum Form { LIST, MAP }

    private final Form form;
    private final List<Listener> listeners;
    /**
     * Problems found while reading, kept here when the reader has no collector: the operator's informers
     * read resources with fabric8's own mapper, and its reconcile must still see that "secure" is no
     * listener of the map form (ResourceValidator reports these).
     */
    private final List<String[]> unreadable = new ArrayList<>();

    public Listeners(Form form, List<Listener> listeners) {
        this.form = form;
        this.listeners = List.copyOf(listeners);
    }

    @JsonIgnore
    public Form form() {
        return form;
    }

    @JsonIgnore
    List<String[]> unreadable() {
        return unreadable;
    }

    public List<Listener> all() {
        return listeners;
    }

    /** Writes the listeners back in the form they were read in. */
    @JsonValue
    Object asWritten() {
        if (form == Form.LIST) {
            return listeners;
        }
        Map<String, Listener> map = new LinkedHashMap<>();
        listeners.forEach(l -> map.put(l.getName(), l));
        return map;
    }

    static final class Reader extends JsonDeserializer<Listeners> {

        @Override
        public Listeners deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            // At START_ARRAY/START_OBJECT the parser has already entered the value: its field is the parent's.
            String base = JsonPaths.of(p.getParsingContext().getParent());
            List<Listener> out = new ArrayList<>();
            List<String[]> late = new ArrayList<>();
            if (p.currentToken() == JsonToken.START_ARRAY) {
                int index = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    Listener l = ctxt.readValue(p, Listener.class);
                    if (l == null) {
                        report(ctxt, late, base + "[" + index + "]", "a listener must be a mapping with name, port, type and tls");
                    } else {
                        l.setPath(base + "[" + index + "]");
                        out.add(l);
                    }
                    index++;
                }
                return withLate(new Listeners(Form.LIST, out), late);
            }
            if (p.currentToken() == JsonToken.START_OBJECT) {
                for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                    p.nextToken();
                    ListenerKind kind = mapKind(key);
                    if (kind == null) {
                        report(ctxt, late, base + "." + key,
                                "unknown listener '" + key + "': the map form knows only plain, tls and external"
                                        + " (use the list form for listeners of your own naming)");
                        p.skipChildren();
                        continue;
                    }
                    Listener l = p.currentToken() == JsonToken.VALUE_NULL ? new Listener() : ctxt.readValue(p, Listener.class);
                    if (l == null) {
                        l = new Listener();
                    }
                    // The map form has no port field: each listener has the spec's fixed port.
                    l.setName(kind.mapKey());
                    l.setPort(kind.defaultPort());
                    if (kind == ListenerKind.TLS) {
                        l.setTls(true);
                    } else if (kind == ListenerKind.EXTERNAL) {
                        if (l.getType() == null) {
                            l.setType("route");
                        }
                        if (l.getTls() == null) {
                            l.setTls(true);
                        }
                    } else {
                        l.setTls(false);
                    }
                    l.setPath(base + "." + key);
                    out.add(l);
                }
                return withLate(new Listeners(Form.MAP, out), late);
            }
            report(ctxt, late, base, "listeners must be a list of listeners or a map of plain, tls and external");
            p.skipChildren();
            return withLate(new Listeners(Form.LIST, List.of()), late);
        }

        private static void report(DeserializationContext ctxt, List<String[]> late, String path, String message) {
            Problems problems = Problems.of(ctxt);
            if (problems != null) {
                problems.add(path, message);
            } else {
                late.add(new String[]{path, message});
            }
        }

        private static Listeners withLate(Listeners listeners, List<String[]> late) {
            listeners.unreadable.addAll(late);
            return listeners;
        }

        private static ListenerKind mapKind(String key) {
            for (ListenerKind k : ListenerKind.values()) {
                if (k.mapKey().equals(key)) {
                    return k;
                }
            }
            return null;
        }
    }
}
