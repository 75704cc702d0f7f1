package dev.fulfillment.local.sfn.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulfillment.local.sfn.query.QueryException;
import java.math.BigDecimal;
import java.util.List;

/**
 * The evaluated arguments of one call, with typed accessors that fail with States.IntrinsicFailure naming the
 * function and the argument. AWS's exact cause texts for these failures are not in the recorded cases; the texts
 * here name function, argument position, what was expected and what was found.
 */
public final class Arguments {
    private final String function;
    private final List<JsonNode> values;
    private final List<Expr> sources;

    public Arguments(String function, List<JsonNode> values, List<Expr> sources) {
        this.function = function;
        this.values = List.copyOf(values);
        this.sources = List.copyOf(sources);
    }

    public int size() {
        return values.size();
    }

    public List<JsonNode> values() {
        return values;
    }

    public JsonNode value(int index) {
        return values.get(index);
    }

    /** Offsets of unescaped {@code {}} when argument {@code index} is a string literal, else null. */
    public List<Integer> literalPlaceholders(int index) {
        return sources.get(index) instanceof Expr.Str str ? str.placeholders() : null;
    }

    public String string(int index) {
        JsonNode node = value(index);
        if (!node.isTextual()) {
            throw wrongType(index, "a string", node);
        }
        return node.textValue();
    }

    /**
     * A string argument of at most {@code maxCharacters}: the documented input limit of States.Base64Encode,
     * States.Base64Decode and States.Hash (10,000 characters).
     */
    public String string(int index, int maxCharacters) {
        String text = string(index);
        if (text.length() > maxCharacters) {
            throw failure("the input string has " + text.length() + " characters, more than the maximum of "
                    + maxCharacters);
        }
        return text;
    }

    public ArrayNode array(int index) {
        JsonNode node = value(index);
        if (!(node instanceof ArrayNode array)) {
            throw wrongType(index, "an array", node);
        }
        return array;
    }

    public ObjectNode object(int index) {
        JsonNode node = value(index);
        if (!(node instanceof ObjectNode object)) {
            throw wrongType(index, "a JSON object", node);
        }
        return object;
    }

    public boolean bool(int index) {
        JsonNode node = value(index);
        if (!node.isBoolean()) {
            throw wrongType(index, "a boolean", node);
        }
        return node.booleanValue();
    }

    /** A number with an integral value (1 and 1.0 both qualify) that fits in an int. */
    public int integer(int index) {
        JsonNode node = value(index);
        if (!node.isNumber()) {
            throw wrongType(index, "an integer", node);
        }
        BigDecimal decimal = node.decimalValue();
        try {
            return decimal.intValueExact();
        } catch (ArithmeticException e) {
            throw wrongType(index, "an integer", node);
        }
    }

    public BigDecimal number(int index) {
        JsonNode node = value(index);
        if (!node.isNumber()) {
            throw wrongType(index, "a number", node);
        }
        return node.decimalValue();
    }

    public QueryException failure(String message) {
        return new QueryException(QueryException.INTRINSIC_FAILURE, "Invalid arguments in " + function + ": " + message);
    }

    private QueryException wrongType(int index, String expected, JsonNode found) {
        return failure("argument " + (index + 1) + " must be " + expected + ", but was " + kind(found) + ": " + found);
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "no value";
        };
    }
}
