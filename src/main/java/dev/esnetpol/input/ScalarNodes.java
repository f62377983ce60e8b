package dev.esnetpol.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.util.RawValue;

import java.io.IOException;

/**
 * The tree node of the scalar at a parser's current token, the one {@code ObjectMapper.readTree} makes with its
 * default settings (jackson-databind's {@code BaseNodeDeserializer}: {@code _fromInt}, {@code _fromFloat},
 * {@code _fromEmbedded}): an int, long or big integer by the parser's number type; a float as a double unless
 * the parser has it as a big decimal (trailing zeros stripped) or a 32-bit float; an embedded object (YAML's {@code !!binary}) as binary.
 * {@code ScalarNodesTest} holds it to {@code readTree} over YAML and JSON scalars of every kind.
 */
final class ScalarNodes {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScalarNodes() {
    }

    /**
     * @throws IOException when the parser cannot read the value (a malformed number)
     * @return the node; a missing node when the parser has no current token
     * @throws IllegalStateException when the current token is no scalar (a structure's start or end, a field name)
     */
    static JsonNode of(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return NODES.missingNode();
        }
        return switch (token) {
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> switch (parser.getNumberTypeFP()) {
                case BIG_DECIMAL -> NODES.numberNode(stripped(parser.getDecimalValue()));
                case FLOAT32 -> NODES.numberNode(parser.getFloatValue());
                default -> NODES.numberNode(parser.getDoubleValue());
            };
            case VALUE_EMBEDDED_OBJECT -> embedded(parser.getEmbeddedObject());
            default -> throw new IllegalStateException("not a scalar: " + token);
        };
    }

    /** As {@code _fromBigDecimal} with the default factory: trailing zeros stripped, where that is possible. */
    private static java.math.BigDecimal stripped(java.math.BigDecimal value) {
        if (!NODES.willStripTrailingBigDecimalZeroes()) {
            return value;
        }
        try {
            return value.stripTrailingZeros();
        } catch (ArithmeticException e) {
            return value; // a scale that would overflow: jackson keeps the value as it is
        }
    }

    private static JsonNode embedded(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof byte[] bytes) {
            return NODES.binaryNode(bytes);
        }
        if (value instanceof RawValue raw) {
            return NODES.rawValueNode(raw);
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        return NODES.pojoNode(value);
    }
}
