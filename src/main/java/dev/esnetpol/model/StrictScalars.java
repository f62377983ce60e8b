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
