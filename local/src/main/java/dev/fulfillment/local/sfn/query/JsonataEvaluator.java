package dev.fulfillment.local.sfn.query;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulfillment.local.sfn.query.jsonata.JsonataSupport;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSONata query language of Amazon States Language ("Transforming data with JSONata in Step Functions").
 * Thread-safe; each expression text is parsed once and cached.
 *
 * <p>Rules implemented here:
 * <ul>
 *   <li>A string is an expression only when it is exactly {@code {% ... %}}: no text before or after (AWS treats
 *       {@code " {% states.input %} "} as a literal).</li>
 *   <li>{@code $states} is bound to the object the engine passes ({@code input}, {@code result},
 *       {@code errorOutput}, {@code context}); each workflow variable is bound as {@code $name}.</li>
 *   <li>Step Functions' extra functions {@code $partition $range $hash $random $uuid $parse}.</li>
 *   <li>An expression returning nothing (undefined) where a value is required fails with
 *       {@code "The JSONata expression '<expr>' specified for the field '<field>' returned nothing (undefined)."};
 *       an evaluation error with {@code "... threw an error during evaluation. <code>: <message>"}; a function value
 *       with {@code "... returned an unsupported result type."} (texts as recorded from AWS).</li>
 *   <li>Depth and time limits guard every evaluation.</li>
 * </ul>
 * Field names in messages are paths inside the state with {@code /}, e.g. {@code Output/result} or {@code Items}.
 */
public final class JsonataEvaluator {
    /** Default guard: nested evaluation depth and wall-clock time for one expression. */
    public static final int DEFAULT_MAX_DEPTH = 400;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");

    private record Compiled(String text, Jsonata expression, Set<String> referencedNames) {
    }

    private final ConcurrentHashMap<String, Compiled> cache = new ConcurrentHashMap<>();
    private final long timeoutNanos;
    private final int maxDepth;

    private JsonataEvaluator(Duration timeout, int maxDepth) {
        this.timeoutNanos = timeout.toNanos();
        this.maxDepth = maxDepth;
    }

    public static JsonataEvaluator create() {
        return new JsonataEvaluator(DEFAULT_TIMEOUT, DEFAULT_MAX_DEPTH);
    }

    /** An evaluator with other limits (tests, or an engine that wants tighter bounds). */
    public static JsonataEvaluator create(Duration timeout, int maxDepth) {
        if (timeout.isNegative() || timeout.isZero() || maxDepth < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        return new JsonataEvaluator(timeout, maxDepth);
    }

    /** True when {@code text} is exactly {@code {% ... %}}, the form AWS evaluates as JSONata. */
    public static boolean isExpression(String text) {
        return text != null && text.length() >= 4 && text.startsWith("{%") && text.endsWith("%}");
    }

    /** The expression inside {@code {% %}}, trimmed; a text without the delimiters is returned trimmed. */
    public static String expressionText(String text) {
        String inner = isExpression(text) ? text.substring(2, text.length() - 2) : text;
        return inner.strip();
    }

    /**
     * Definition-time check: parses the expression ({@code {% %}} optional).
     *
     * @throws IllegalArgumentException with the parser's error code and message
     */
    public void validateJsonata(String expression) {
        compile(expressionText(Objects.requireNonNull(expression, "expression")));
    }

    /** Evaluates one expression; undefined is an error. Prefer {@link #evaluate(String, String, JsonNode, Variables)}. */
    public JsonNode evaluate(String expression, JsonNode states, Variables vars) {
        return evaluate(null, expression, states, vars);
    }

    /**
     * Evaluates one expression for the named field ({@code "Output"}, {@code "Items"}, {@code "Assign/total"}, ...).
     *
     * @return the value; JSON {@code null} is a {@code NullNode}
     * @throws QueryException States.QueryEvaluationError when it fails, returns undefined or returns a function
     */
    public JsonNode evaluate(String field, String expression, JsonNode states, Variables vars) {
        String text = expressionText(expression);
        JsonNode value = evaluateOrUndefined(field, text, states, vars);
        if (value == null) {
            throw new QueryException(QueryException.QUERY_EVALUATION_ERROR,
                    describe(text, field) + " returned nothing (undefined).", field);
        }
        return value;
    }

    /**
     * Like {@link #evaluate(String, String, JsonNode, Variables)} but returns Java {@code null} for undefined, for
     * the fields where the engine decides what undefined means.
     */
    public JsonNode evaluateOrUndefined(String field, String expression, JsonNode states, Variables vars) {
        String text = expressionText(expression);
        Compiled compiled;
        try {
            compiled = compile(text);
        } catch (IllegalArgumentException e) {
            throw new QueryException(QueryException.QUERY_EVALUATION_ERROR,
                    describe(text, field) + " threw an error during evaluation. " + e.getMessage(), field);
        }
        Object raw;
        try {
            raw = JsonataSupport.evaluate(compiled.expression(), compiled.referencedNames(), states, vars,
                    timeoutNanos, maxDepth);
        } catch (JsonataSupport.EvaluationFailure e) {
            throw new QueryException(QueryException.QUERY_EVALUATION_ERROR,
                    describe(text, field) + " threw an error during evaluation. " + e.getMessage(), field);
        }
        if (JsonataSupport.isFunction(raw)) {
            throw new QueryException(QueryException.QUERY_EVALUATION_ERROR,
                    describe(text, field) + " returned an unsupported result type.", field);
        }
        return JsonataSupport.toJackson(raw);
    }

    /** Evaluates every {@code {% %}} string in a template; everything else is copied literally. */
    public JsonNode evaluateTemplate(JsonNode template, JsonNode states, Variables vars) {
        return evaluateTemplate(null, template, states, vars);
    }

    /**
     * Evaluates every {@code {% %}} string in a template for the named field ({@code "Output"}, {@code "Arguments"},
     * {@code "Assign"}); nested keys extend the field name in messages ({@code Output/result}).
     */
    public JsonNode evaluateTemplate(String field, JsonNode template, JsonNode states, Variables vars) {
        if (template == null) {
            return null;
        }
        if (template.isTextual() && isExpression(template.textValue())) {
            return evaluate(field, template.textValue(), states, vars);
        }
        if (template instanceof ObjectNode object) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            object.properties().forEach(entry -> out.set(entry.getKey(),
                    evaluateTemplate(child(field, entry.getKey()), entry.getValue(), states, vars)));
            return out;
        }
        if (template instanceof ArrayNode array) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode(array.size());
            for (int i = 0; i < array.size(); i++) {
                out.add(evaluateTemplate(child(field, Integer.toString(i)), array.get(i), states, vars));
            }
            return out;
        }
        return template;
    }

    private static String child(String field, String key) {
        return field == null ? key : field + "/" + key;
    }

    private static String describe(String text, String field) {
        return field == null
                ? "The JSONata expression '" + text + "'"
                : "The JSONata expression '" + text + "' specified for the field '" + field + "'";
    }

    private Compiled compile(String text) {
        Compiled cached = cache.get(text);
        if (cached != null) {
            return cached;
        }
        Jsonata expression;
        try {
            expression = Jsonata.jsonata(text);
        } catch (JException e) {
            throw new IllegalArgumentException(e.getError() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid JSONata expression: " + e.getMessage(), e);
        }
        Set<String> names = new java.util.HashSet<>();
        Matcher matcher = VARIABLE_REFERENCE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        names.remove("states");
        Compiled compiled = new Compiled(text, expression, Set.copyOf(names));
        Compiled previous = cache.putIfAbsent(text, compiled);
        return previous == null ? compiled : previous;
    }
}
