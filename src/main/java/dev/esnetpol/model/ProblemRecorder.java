package dev.esnetpol.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;

import java.io.IOException;

/**
 * Lets Jackson go on after a value of the wrong type ({@code port: abc}, {@code tls: maybe},
 * {@code networkPolicyPeers: everyone}) and records where it was, so one pass reports every mistake.
 */
final class ProblemRecorder extends DeserializationProblemHandler {

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value, String failureMsg) {
        record(ctxt, ctxt.getParser().getParsingContext(), "expected " + describe(targetType) + ", found '" + value + "'");
        return null;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value, String failureMsg) {
        record(ctxt, ctxt.getParser().getParsingContext(), "expected " + describe(targetType) + ", found " + value);
        return null;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                        String failureMsg) throws IOException {
        JsonStreamContext at = p.getParsingContext();
        if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
            at = at.getParent();
        }
        String hint = "";
        Problems problems = Problems.of(ctxt);
        if ((t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) && targetType.getRawClass() == String.class && problems != null) {
            hint = problems.quoteBoolean(JsonPaths.of(at), t == JsonToken.VALUE_TRUE);
        }
        record(ctxt, at, "expected " + describe(targetType.getRawClass()) + ", found " + found(t, p) + hint);
        p.skipChildren();
        return null;
    }

    private static void record(DeserializationContext ctxt, JsonStreamContext at, String message) {
        Problems problems = Problems.of(ctxt);
        if (problems != null) {
            problems.wrongType(JsonPaths.of(at), message);
        }
    }

    private static String found(JsonToken t, JsonParser p) throws IOException {
        return switch (t) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "a mapping";
            case VALUE_STRING -> "the string '" + p.getText() + "'";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getText();
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> t.asString() == null ? t.name().toLowerCase() : t.asString();
        };
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping";
    }
}
