package dev.fulfillment.local.sfn.query.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between Jackson trees and the Java objects the JSONata library works on. Integers stay integers
 * ({@code Integer}/{@code Long}), decimals are {@code Double} (JSONata numbers are doubles), integers beyond the
 * long range become {@code Double} too; JSON {@code null} is {@link Jsonata#NULL_VALUE} going in, and JSONata's
 * undefined is Java {@code null} coming out.
 */
public final class JsonataValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonataValues() {
    }

    /** A Jackson value as a JSONata input value. */
    public static Object toJsonata(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        return switch (node.getNodeType()) {
            case NULL -> Jsonata.NULL_VALUE;
            case BOOLEAN -> node.booleanValue();
            case STRING -> node.textValue();
            case NUMBER -> number(node);
            case ARRAY -> {
                List<Object> list = new ArrayList<>(node.size());
                node.forEach(item -> list.add(toJsonata(item)));
                yield list;
            }
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                node.properties().forEach(field -> map.put(field.getKey(), toJsonata(field.getValue())));
                yield map;
            }
            default -> node.toString();
        };
    }

    private static Object number(JsonNode node) {
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isLong()) {
            return node.longValue();
        }
        if (node.isBigInteger()) {
            BigInteger big = node.bigIntegerValue();
            return big.bitLength() < 64 ? (Object) big.longValueExact() : (Object) big.doubleValue();
        }
        return node.doubleValue();
    }

    /** True for the values a JSONata expression can return that JSON cannot hold (functions, lambdas). */
    public static boolean isFunction(Object value) {
        if (value == null || value == Jsonata.NULL_VALUE) {
            return false;
        }
        return !(value instanceof Map<?, ?> || value instanceof List<?> || value instanceof String
                || value instanceof Number || value instanceof Boolean);
    }

    /**
     * A JSONata result as a Jackson value; Java {@code null} (undefined) is returned as {@code null}. Inside objects
     * and arrays a Java {@code null} is JSON {@code null}: the library stores nulls that way.
     *
     * @throws IllegalArgumentException for a function value
     */
    public static JsonNode toJackson(Object value) {
        if (value == null) {
            return null;
        }
        return convert(value);
    }

    private static JsonNode convert(Object value) {
        if (value == null || value == Jsonata.NULL_VALUE) {
            return NullNode.getInstance();
        }
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).intValue());
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof BigInteger number) {
            return NODES.numberNode(number);
        }
        if (value instanceof BigDecimal number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Number number) {
            return NODES.numberNode(number.doubleValue());
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((key, item) -> object.set(String.valueOf(key), convert(item)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode(list.size());
            for (Object item : list) {
                array.add(convert(item));
            }
            return array;
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
}
