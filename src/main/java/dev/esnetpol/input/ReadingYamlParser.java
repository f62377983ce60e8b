package dev.esnetpol.input;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.ScalarEvent;

import java.io.IOException;
import java.io.Reader;

/**
 * A YAML parser that types plain scalars as a {@link YamlReading} does. Jackson asks SnakeYAML's YAML 1.1
 * resolver, whose booleans are {@code yes no on off true false} in three cases each but not {@code y Y n N}:
 * kubectl's reading gives those back (go-yaml v2 has them), a YAML 1.2 reading makes every boolean but
 * {@code true} and {@code false} a string again. Keys too, as the reading says ({@link YamlReading#keyOf}).
 * Quoted or tagged scalars ({@code 'y'}, {@code !!str y}) are left as they are; the source text stays
 * available to {@link #getText()} for messages.
 */
final class ReadingYamlParser extends YAMLParser {

    private final YamlReading reading;

    ReadingYamlParser(IOContext context, int parserFeatures, int yamlFeatures, LoaderOptions options, ObjectCodec codec, Reader reader,
                      YamlReading reading) {
        super(context, parserFeatures, yamlFeatures, options, codec, reader);
        this.reading = reading;
    }

    @Override
    protected JsonToken _decodeScalar(ScalarEvent scalar) throws IOException {
        JsonToken token = super._decodeScalar(scalar);
        boolean typedByText = token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
        if (typedByText && plain(scalar)) {
            Boolean b = reading.booleanOf(scalar.getValue());
            if (b != null) {
                return b ? JsonToken.VALUE_TRUE : JsonToken.VALUE_FALSE;
            }
            // A YAML 1.1 boolean that this reading takes as a word (the text is the parser's already).
            return JsonToken.VALUE_STRING;
        }
        return token;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken token = super.nextToken();
        if (token == JsonToken.FIELD_NAME && _lastEvent instanceof ScalarEvent key && plain(key)) {
            String name = reading.keyOf(key.getValue());
            if (!name.equals(key.getValue())) {
                _currentFieldName = name;
                _parsingContext.setCurrentName(name);
            }
        }
        return token;
    }

    /** Unquoted and untagged: the only scalars a reader types by their text. */
    private static boolean plain(ScalarEvent scalar) {
        return scalar.isPlain() && scalar.getTag() == null && scalar.getImplicit().canOmitTagInPlainScalar();
    }
}
