package dev.fulfillment.local.sfn.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;

/** JSON helpers shared by the functions: value equality where 1 equals 1.0, and Java-style rendering. */
public final class JsonValues {
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private JsonValues() {
    }

    /** Deep equality of JSON values; numbers compare by value, so {@code 1} equals {@code 1.0}. */
    public static boolean same(JsonNode a, JsonNode b) {
        return a.equals(NUMBERS_BY_VALUE, b);
    }

    /**
     * How States.Format renders a value: strings as they are, objects and arrays the way Java renders maps and
     * lists ({@code {Arg1=1, Arg2=[]}}), as AWS's recorded output shows (test_format_2, test_context_json_path).
     */
    public static String javaStyle(JsonNode node) {
        StringBuilder out = new StringBuilder();
        appendJavaStyle(node, out);
        return out.toString();
    }

    private static void appendJavaStyle(JsonNode node, StringBuilder out) {
        if (node.isTextual()) {
            out.append(node.textValue());
        } else if (node.isObject()) {
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
            while (fields.hasNext()) {
                var field = fields.next();
                out.append(field.getKey()).append('=');
                appendJavaStyle(field.getValue(), out);
                if (fields.hasNext()) {
                    out.append(", ");
                }
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                appendJavaStyle(node.get(i), out);
            }
            out.append(']');
        } else {
            out.append(node.toString());
        }
    }
}
