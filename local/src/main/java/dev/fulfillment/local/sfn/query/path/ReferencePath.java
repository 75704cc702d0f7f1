package dev.fulfillment.local.sfn.query.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulfillment.local.sfn.query.QueryException;
import java.util.ArrayList;
import java.util.List;

/**
 * An ASL Reference Path (ASL spec, "Reference Paths"): a path that can identify only a single node, made of
 * {@code .name}, {@code ['name']} and {@code [index]} steps after {@code $}; the operators {@code @ , : ?} and
 * wildcards are not allowed. ResultPath uses one to say where a state's result goes in a copy of its input.
 */
public final class ReferencePath {
    private sealed interface Step permits Name, Index {
    }

    private record Name(String name) implements Step {
        @Override
        public String toString() {
            return "['" + name + "']";
        }
    }

    private record Index(int index) implements Step {
        @Override
        public String toString() {
            return "[" + index + "]";
        }
    }

    private final String text;
    private final List<Step> steps;

    private ReferencePath(String text, List<Step> steps) {
        this.text = text;
        this.steps = List.copyOf(steps);
    }

    /** Parses a Reference Path; throws {@link IllegalArgumentException} with the reason when it is not one. */
    public static ReferencePath parse(String text) {
        if (text == null || !text.startsWith("$") || text.startsWith("$$")) {
            throw new IllegalArgumentException("A reference path must start with '$': " + text);
        }
        List<Step> steps = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                String name = text.substring(i + 1, end);
                if (name.isEmpty() || name.equals("*") || name.chars().anyMatch(ch -> "@,:?]*".indexOf(ch) >= 0)) {
                    throw new IllegalArgumentException("Invalid reference path '" + text + "' at position " + i);
                }
                steps.add(new Name(name));
                i = end;
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("Invalid reference path '" + text + "': missing ']'");
                }
                String inside = text.substring(i + 1, close).trim();
                if (inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'")
                        || inside.startsWith("\"") && inside.endsWith("\""))) {
                    steps.add(new Name(inside.substring(1, inside.length() - 1)));
                } else if (inside.matches("\\d+")) {
                    steps.add(new Index(Integer.parseInt(inside)));
                } else {
                    throw new IllegalArgumentException("Invalid reference path '" + text + "': '[" + inside
                            + "]' does not identify a single node");
                }
                i = close + 1;
            } else {
                throw new IllegalArgumentException("Invalid reference path '" + text + "' at position " + i);
            }
        }
        return new ReferencePath(text, steps);
    }

    public String text() {
        return text;
    }

    /**
     * Returns a copy of {@code input} with {@code value} placed at this path, creating objects for missing names
     * along the way ("ResultPath": the result is inserted into the input). {@code $} alone replaces the input.
     * Only the objects and arrays on the path are copied; the rest is shared with {@code input}, which stays as it
     * was (payload trees are never modified once built).
     *
     * @throws QueryException States.Runtime when a step goes through a value that is not an object (for a name)
     *         or not an array with that index (for an index)
     */
    public JsonNode set(JsonNode input, JsonNode value) {
        if (steps.isEmpty()) {
            return value;
        }
        JsonNode root = input == null ? JsonNodeFactory.instance.objectNode() : shallowCopy(input);
        JsonNode current = root;
        StringBuilder walked = new StringBuilder("$");
        for (int i = 0; i < steps.size(); i++) {
            boolean last = i == steps.size() - 1;
            Step step = steps.get(i);
            switch (step) {
                case Name name -> {
                    if (!(current instanceof ObjectNode object)) {
                        throw notApplicable(walked, current);
                    }
                    if (last) {
                        object.set(name.name(), value);
                    } else {
                        JsonNode next = object.get(name.name());
                        if (next == null) {
                            next = object.putObject(name.name());
                        } else {
                            next = shallowCopy(next);
                            object.set(name.name(), next);
                        }
                        current = next;
                    }
                }
                case Index index -> {
                    if (!(current instanceof ArrayNode array) || index.index() >= array.size()) {
                        throw notApplicable(walked, current);
                    }
                    if (last) {
                        array.set(index.index(), value);
                    } else {
                        current = shallowCopy(array.get(index.index()));
                        array.set(index.index(), current);
                    }
                }
            }
            walked.append(step);
        }
        return root;
    }

    /** A new object or array holding the same members as {@code node}; other nodes (immutable values) as they are. */
    private static JsonNode shallowCopy(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            copy.setAll(object);
            return copy;
        }
        if (node instanceof ArrayNode array) {
            return JsonNodeFactory.instance.arrayNode(array.size()).addAll(array);
        }
        return node;
    }

    private QueryException notApplicable(CharSequence walked, JsonNode found) {
        // AWS's exact text for this case is not recorded; this names the path, where it stopped and what it found.
        return new QueryException(QueryException.RUNTIME, "Invalid path '" + text + "' : the ResultPath cannot be"
                + " applied because " + walked + " is " + describe(found));
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        return "'" + node + "'";
    }
}
