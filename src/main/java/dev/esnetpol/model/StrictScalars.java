package dev.esnetpol.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;

import java.io.IOException;

/**
 * Scalars read as written, never converted: a port of {@code 9092.7} or {@code "9095"}, or a tls of
 * {@code "true"}, is a mistake to report (the CRD of Event Streams would refuse it), not a value to guess.
 * A wrong token goes to the problem handler, which records it with its path and lets reading go on.
 */
final class StrictScalars {

    private StrictScalars() {
    }

    static final class WholeNumber extends JsonDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                return p.getIntValue();
            }
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return (Integer) ctxt.handleWeirdNumberValue(Integer.class, p.getNumberValue(), "too large");
            }
            return (Integer) ctxt.handleUnexpectedToken(Integer.class, p);
        }
    }

    /**
     * Every string of a resource ({@code metadata.name}, a label value, a listener's name): a boolean is refused,
     * as the API server refuses it where its schema says string, instead of Jackson's "true". Unquoted
     * {@code name: y} is the boolean true to kubectl, and was an instance named "true" here (registered for String
     * on {@link ResourceReader}'s mapper). Numbers are still read as their text ({@code name: 10} as "10"): the API
     * server refuses those too where its schema says string, and this reading does not yet.
     */
    static final class Text extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_TRUE || p.currentToken() == JsonToken.VALUE_FALSE) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            return com.fasterxml.jackson.databind.deser.std.StringDeserializer.instance.deserialize(p, ctxt);
        }
    }

    static final class TrueOrFalse extends JsonDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_TRUE || p.currentToken() == JsonToken.VALUE_FALSE) {
                return p.getBooleanValue();
            }
            return (Boolean) ctxt.handleUnexpectedToken(Boolean.class, p);
        }
    }
}
