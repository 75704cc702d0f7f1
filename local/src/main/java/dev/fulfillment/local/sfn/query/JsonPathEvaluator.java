package dev.fulfillment.local.sfn.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.jayway.jsonpath.JsonPathException;
import dev.fulfillment.local.sfn.query.intrinsic.Arguments;
import dev.fulfillment.local.sfn.query.intrinsic.Expr;
import dev.fulfillment.local.sfn.query.intrinsic.IntrinsicParser;
import dev.fulfillment.local.sfn.query.intrinsic.IntrinsicRegistry;
import dev.fulfillment.local.sfn.query.path.QueryPath;
import dev.fulfillment.local.sfn.query.path.ReferencePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSONPath query language of Amazon States Language: Paths, Reference Paths, payload templates and intrinsic
 * functions. Thread-safe; every path, reference path and intrinsic call is parsed once and cached by its text.
 *
 * <p>Two kinds of "not found" message exist on AWS and both are reproduced:
 * <ul>
 *   <li>{@link #read}: InputPath, OutputPath, ItemsPath and other path fields report the json-path library's
 *       text, {@code "Invalid path '$.x' : No results for path: $['x']"};</li>
 *   <li>{@link #readField}: payload template fields ({@code key.$}), ErrorPath and CausePath report
 *       {@code "The JSONPath '$.x' specified for the field 'key.$' could not be found in the input '<input>'"}.</li>
 * </ul>
 * The engine prefixes causes with the state context ({@code An error occurred while executing the state ...}).
 */
public final class JsonPathEvaluator {
    private final IntrinsicRegistry registry;
    private final ConcurrentHashMap<String, QueryPath> paths = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ReferencePath> referencePaths = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Expr.Call> calls = new ConcurrentHashMap<>();

    private JsonPathEvaluator(IntrinsicRegistry registry) {
        this.registry = registry;
    }

    public static JsonPathEvaluator create() {
        return new JsonPathEvaluator(IntrinsicRegistry.standard());
    }

    // ---- Paths -------------------------------------------------------------------------------------------------

    /**
     * Reads a Path ({@code $...}, {@code $$...} for the context object, {@code $name...} for a variable). A definite
     * path returns the node, an indefinite one an array of matches.
     *
     * @throws QueryException States.Runtime {@code "Invalid path '<path>' : <reason>"} when nothing matches
     */
    public JsonNode read(String path, JsonNode input, JsonNode context, Variables vars) {
        QueryPath compiled = path(path);
        JsonNode document = compiled.document(input, context, vars);
        if (document == null) {
            throw new QueryException(QueryException.RUNTIME, "Invalid path '" + path + "' : The variable '"
                    + compiled.variable() + "' is not defined");
        }
        try {
            return compiled.evaluate(document);
        } catch (JsonPathException e) {
            throw new QueryException(QueryException.RUNTIME, "Invalid path '" + path + "' : " + e.getMessage());
        }
    }

    /**
     * Reads a Path given in the field {@code field} of a template, or ErrorPath/CausePath.
     *
     * @throws QueryException States.Runtime {@code "The JSONPath '<path>' specified for the field '<field>' could not
     *         be found in the input '<input as compact JSON>'"}
     */
    public JsonNode readField(String field, String path, JsonNode input, JsonNode context, Variables vars) {
        return find(path, input, context, vars).orElseThrow(() -> new QueryException(QueryException.RUNTIME,
                "The JSONPath '" + path + "' specified for the field '" + field + "' could not be found in the input '"
                        + input + "'"));
    }

    /** The value at a Path, or empty when it does not match (Choice rules, IsPresent). */
    public Optional<JsonNode> find(String path, JsonNode input, JsonNode context, Variables vars) {
        QueryPath compiled = path(path);
        JsonNode document = compiled.document(input, context, vars);
        if (document == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(compiled.evaluate(document));
        } catch (JsonPathException e) {
            return Optional.empty();
        }
    }

    /** Definition-time check of a Path; throws {@link IllegalArgumentException} with the reason. */
    public void validatePath(String path) {
        path(path);
    }

    /** Definition-time check of a Reference Path (ResultPath, ...); throws {@link IllegalArgumentException}. */
    public void validateReferencePath(String path) {
        referencePath(path);
    }

    /** Definition-time check of an intrinsic call; throws {@link IllegalArgumentException} with the reason. */
    public void validateIntrinsic(String call) {
        call(call);
    }

    /** True when a {@code .$} value is an intrinsic function call rather than a path. */
    public static boolean isIntrinsic(String value) {
        return IntrinsicParser.looksLikeCall(value);
    }

    /**
     * Definition-time check of a payload template (Parameters, ResultSelector, ItemSelector, Assign): every
     * {@code key.$} must hold a string that is a valid Path or intrinsic call.
     *
     * @throws IllegalArgumentException in AWS's words: {@code The value for the field 'key.$' must be a valid JSONPath
     *         or a valid intrinsic function call}, followed by the reason
     */
    public void validateTemplate(JsonNode template) {
        if (template instanceof ObjectNode object) {
            for (var entry : object.properties()) {
                String key = entry.getKey();
                JsonNode value = entry.getValue();
                if (isDynamicKey(key)) {
                    try {
                        if (!value.isTextual()) {
                            throw new IllegalArgumentException("not a string");
                        }
                        if (isIntrinsic(value.textValue())) {
                            call(value.textValue());
                        } else {
                            path(value.textValue());
                        }
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("The value for the field '" + key
                                + "' must be a valid JSONPath or a valid intrinsic function call (" + e.getMessage()
                                + ")", e);
                    }
                } else {
                    validateTemplate(value);
                }
            }
        } else if (template instanceof ArrayNode array) {
            array.forEach(this::validateTemplate);
        }
    }

    // ---- Payload templates -------------------------------------------------------------------------------------

    /**
     * Applies a payload template (Parameters, ResultSelector, ItemSelector, JSONPath Assign): a key ending in
     * {@code .$} loses the suffix and takes the value of its Path or intrinsic call; other values are copied, and
     * objects are processed however deeply nested (ASL: "Payload Template"), inside arrays too.
     */
    public JsonNode applyTemplate(JsonNode template, JsonNode input, JsonNode context, Variables vars) {
        if (template instanceof ObjectNode object) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (var entry : object.properties()) {
                String key = entry.getKey();
                JsonNode value = entry.getValue();
                if (isDynamicKey(key)) {
                    out.set(key.substring(0, key.length() - 2), dynamicValue(key, value, input, context, vars));
                } else {
                    out.set(key, applyTemplate(value, input, context, vars));
                }
            }
            return out;
        }
        if (template instanceof ArrayNode array) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode(array.size());
            array.forEach(item -> out.add(applyTemplate(item, input, context, vars)));
            return out;
        }
        return template;
    }

    private JsonNode dynamicValue(String key, JsonNode value, JsonNode input, JsonNode context, Variables vars) {
        if (!value.isTextual()) {
            throw new QueryException(QueryException.RUNTIME, "The value for the field '" + key
                    + "' must be a valid JSONPath or a valid intrinsic function call");
        }
        String text = value.textValue();
        if (isIntrinsic(text)) {
            return evaluateIntrinsic(key, text, input, context, vars);
        }
        return readField(key, text, input, context, vars);
    }

    private static boolean isDynamicKey(String key) {
        return key.length() > 2 && key.endsWith(".$");
    }

    // ---- ResultPath --------------------------------------------------------------------------------------------

    /**
     * ResultPath: {@code null} discards the result (the input passes through), {@code "$"} replaces the input with
     * the result, any other Reference Path places the result there in a copy of the input, creating objects on the
     * way.
     *
     * @throws QueryException States.Runtime when the path goes through a value that is not an object
     */
    public JsonNode applyResultPath(String resultPath, JsonNode input, JsonNode result) {
        if (resultPath == null) {
            return input;
        }
        ReferencePath path;
        try {
            path = referencePath(resultPath);
        } catch (IllegalArgumentException e) {
            throw new QueryException(QueryException.RUNTIME, e.getMessage());
        }
        return path.set(input, result);
    }

    // ---- Intrinsic functions -----------------------------------------------------------------------------------

    /** Evaluates an intrinsic call such as {@code States.Format('{}', $.a)}. */
    public JsonNode evaluateIntrinsic(String call, JsonNode input, JsonNode context, Variables vars) {
        return evaluateIntrinsic(call, call, input, context, vars);
    }

    /**
     * Evaluates an intrinsic call written in {@code field}; path arguments that do not match fail as in
     * {@link #readField}, invalid arguments with States.IntrinsicFailure.
     */
    public JsonNode evaluateIntrinsic(String field, String call, JsonNode input, JsonNode context, Variables vars) {
        Expr.Call parsed;
        try {
            parsed = call(call);
        } catch (IllegalArgumentException e) {
            throw new QueryException(QueryException.INTRINSIC_FAILURE, e.getMessage());
        }
        return evaluate(parsed, field, input, context, vars);
    }

    private JsonNode evaluate(Expr expr, String field, JsonNode input, JsonNode context, Variables vars) {
        return switch (expr) {
            case Expr.Literal literal -> literal.value();
            case Expr.Str str -> TextNode.valueOf(str.value());
            case Expr.PathRef ref -> readField(field, ref.path().text(), input, context, vars);
            case Expr.Call call -> {
                List<JsonNode> values = new ArrayList<>(call.arguments().size());
                for (Expr argument : call.arguments()) {
                    values.add(evaluate(argument, field, input, context, vars));
                }
                yield call.function().apply(new Arguments(call.function().name(), values, call.arguments()));
            }
        };
    }

    // ---- caches --------------------------------------------------------------------------------------------------

    private QueryPath path(String text) {
        Objects.requireNonNull(text, "path");
        QueryPath cached = paths.get(text);
        return cached != null ? cached : paths.computeIfAbsent(text, QueryPath::parse);
    }

    private ReferencePath referencePath(String text) {
        Objects.requireNonNull(text, "reference path");
        ReferencePath cached = referencePaths.get(text);
        return cached != null ? cached : referencePaths.computeIfAbsent(text, ReferencePath::parse);
    }

    private Expr.Call call(String text) {
        Objects.requireNonNull(text, "intrinsic call");
        Expr.Call cached = calls.get(text);
        return cached != null ? cached : calls.computeIfAbsent(text, t -> IntrinsicParser.parse(registry, t));
    }
}
