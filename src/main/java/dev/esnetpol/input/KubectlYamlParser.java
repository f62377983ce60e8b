package dev.esnetpol.input;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.ScalarEvent;

import java.io.IOException;
import java.io.Reader;
import java.util.Set;

/**
 * A YAML parser that types plain scalars as kubectl's reader does. kubectl reads YAML with sigs.k8s.io/yaml
 * over go-yaml v2, a YAML 1.1 reader: its resolve table (gopkg.in/yaml.v2 resolve.go) makes the unquoted
 * {@code y Y yes Yes YES on On ON true True TRUE} true and {@code n N no No NO off Off OFF false False FALSE}
 * false. SnakeYAML's YAML 1.1 resolver, which Jackson uses, leaves out {@code y}, {@code Y}, {@code n} and
 * {@code N}: those are given back here, so that {@code hostNetwork: y} reads as true and a label value
 * {@code y} is a boolean that the checks refuse ("quote it"), as the API server refuses what kubectl sends.
 *
 * <p>Keys too: sigs.k8s.io/yaml turns a boolean key into the string {@code "true"} or {@code "false"}
 * (yaml.go, convertToJSONableObject), so an unquoted {@code on:} key is the key {@code true} to the API
 * server. Quoted or tagged scalars ({@code 'y'}, {@code !!str y}) stay strings; the source text stays
 * available to {@link #getText()} for messages.
 */
final class KubectlYamlParser extends YAMLParser {

    private static final Set<String> TRUE = Set.of("y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE");
    private static final Set<String> FALSE = Set.of("n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE");

    KubectlYamlParser(IOContext context, int parserFeatures, int yamlFeatures, LoaderOptions options, ObjectCodec codec, Reader reader) {
        super(context, parserFeatures, yamlFeatures, options, codec, reader);
    }

    @Override
    protected JsonToken _decodeScalar(ScalarEvent scalar) throws IOException {
        JsonToken token = super._decodeScalar(scalar);
        if (token == JsonToken.VALUE_STRING && plain(scalar)) {
            if (TRUE.contains(scalar.getValue())) {
                return JsonToken.VALUE_TRUE;
            }
            if (FALSE.contains(scalar.getValue())) {
                return JsonToken.VALUE_FALSE;
            }
        }
        return token;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken token = super.nextToken();
        if (token == JsonToken.FIELD_NAME && _lastEvent instanceof ScalarEvent key && plain(key)) {
            String name = TRUE.contains(key.getValue()) ? "true" : FALSE.contains(key.getValue()) ? "false" : null;
            if (name != null) {
                _currentFieldName = name;
                _parsingContext.setCurrentName(name);
            }
        }
        return token;
    }

    /** Unquoted and untagged: the only scalars a YAML 1.1 reader types by their text. */
    private static boolean plain(ScalarEvent scalar) {
        return scalar.isPlain() && scalar.getTag() == null && scalar.getImplicit().canOmitTagInPlainScalar();
    }
}
