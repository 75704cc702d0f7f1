package dev.fulfillment.local.sfn.query.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.fulfillment.local.sfn.query.Variables;
import java.util.regex.Pattern;

/**
 * One compiled ASL path. ASL "Paths" start with {@code $} (the state's input), {@code $$} (the context object) or
 * {@code $name} (the workflow variable {@code name}, "Passing data between states with variables"); what follows
 * the root is ordinary JSONPath, evaluated by the json-path library on Jackson trees.
 *
 * <p>Library options match what AWS shows: no {@code DEFAULT_PATH_LEAF_TO_NULL}, so a missing property is an error
 * (AWS's causes quote the library's own {@code PathNotFoundException} texts, for example
 * {@code "Missing property in path $['no']"}); a definite path returns the node, an indefinite one (wildcards,
 * {@code ..}, filters) an array of the matches, possibly empty.
 */
public final class QueryPath {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final Configuration CONFIGURATION = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(MAPPER))
            .mappingProvider(new JacksonMappingProvider(MAPPER))
            .build();
    /** Workflow variable names: a letter or underscore, then letters, digits or underscores. */
    private static final Pattern VARIABLE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)(.*)", Pattern.DOTALL);

    /** Where a path starts. */
    public enum Root { INPUT, CONTEXT, VARIABLE }

    private final String text;
    private final Root root;
    private final String variable;
    private final JsonPath jsonPath;   // null: the root itself

    private QueryPath(String text, Root root, String variable, JsonPath jsonPath) {
        this.text = text;
        this.root = root;
        this.variable = variable;
        this.jsonPath = jsonPath;
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} with the reason when it is not a valid Path. */
    public static QueryPath parse(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new IllegalArgumentException("A path must start with '$': " + text);
        }
        if (text.startsWith("$$")) {
            return new QueryPath(text, Root.CONTEXT, null, compile(text, text.substring(1)));
        }
        if (text.length() > 1 && text.charAt(1) != '.' && text.charAt(1) != '[') {
            var matcher = VARIABLE.matcher(text);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("Invalid variable reference: " + text);
            }
            String rest = matcher.group(2);
            if (!rest.isEmpty() && rest.charAt(0) != '.' && rest.charAt(0) != '[') {
                throw new IllegalArgumentException("Invalid variable reference: " + text);
            }
            return new QueryPath(text, Root.VARIABLE, matcher.group(1), compile(text, "$" + rest));
        }
        return new QueryPath(text, Root.INPUT, null, compile(text, text));
    }

    private static JsonPath compile(String original, String jsonPathText) {
        if (jsonPathText.equals("$")) {
            return null;
        }
        try {
            return JsonPath.compile(literalBackslashes(jsonPathText));
        } catch (InvalidPathException | IndexOutOfBoundsException e) {
            // The library reports some malformed paths ("$[") with an index exception instead of its own.
            throw new IllegalArgumentException("Invalid JSONPath '" + original + "': " + e.getMessage(), e);
        }
    }

    /**
     * In a quoted bracket name AWS takes a backslash literally (recorded: {@code $['Test\\""Name"']} reads the key
     * {@code Test\""Name"}) except before the closing quote character; the json-path library would read it as an
     * escape, so it gets a doubled backslash.
     */
    static String literalBackslashes(String path) {
        if (path.indexOf('\\') < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length() + 8);
        char quote = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (quote == 0) {
                if ((c == '\'' || c == '"') && i > 0 && (path.charAt(i - 1) == '[' || path.charAt(i - 1) == ',')) {
                    quote = c;
                }
                out.append(c);
            } else if (c == '\\') {
                boolean escapesQuote = i + 1 < path.length() && path.charAt(i + 1) == quote
                        && i + 2 < path.length() && path.charAt(i + 2) != ']';
                if (escapesQuote) {
                    out.append(c).append(quote);
                    i++;
                } else {
                    out.append("\\\\");
                }
            } else {
                if (c == quote) {
                    quote = 0;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    public String text() {
        return text;
    }

    public Root root() {
        return root;
    }

    /** The variable's name for {@link Root#VARIABLE}, else null. */
    public String variable() {
        return variable;
    }

    /** True when the path can match at most one node (no wildcards, deep scans, filters, unions or slices). */
    public boolean isDefinite() {
        return jsonPath == null || jsonPath.isDefinite();
    }

    /** The document this path starts from: input, context object or the variable's value (null: not defined). */
    public JsonNode document(JsonNode input, JsonNode context, Variables vars) {
        return switch (root) {
            case INPUT -> input == null ? NullNode.getInstance() : input;
            case CONTEXT -> context == null ? NullNode.getInstance() : context;
            case VARIABLE -> vars == null ? null : vars.get(variable);
        };
    }

    /**
     * Evaluates the part after the root on {@code document}.
     *
     * @throws PathNotFoundException when the path does not match (the library's message says where)
     */
    public JsonNode evaluate(JsonNode document) {
        if (jsonPath == null) {
            return document;
        }
        if (document == null || !document.isContainerNode()) {
            throw new PathNotFoundException("No results for path: " + jsonPath.getPath());
        }
        Object result;
        try {
            result = jsonPath.read(document, CONFIGURATION);
        } catch (PathNotFoundException e) {
            if (jsonPath.isDefinite()) {
                throw e;
            }
            // An indefinite path (wildcard, slice, deep scan, filter) gives the array of its matches, so a prefix
            // that is missing ("$.items[*]" on {}) gives [] rather than an error, as AWS answers.
            return MAPPER.createArrayNode();
        }
        // The library hands back scalars unwrapped; the common ones are wrapped here directly (valueToTree gives the
        // same nodes through a token buffer, a good part of a simple read's cost).
        return switch (result) {
            case JsonNode node -> node;
            case String text -> TextNode.valueOf(text);
            case Integer number -> IntNode.valueOf(number);
            case Boolean bool -> BooleanNode.valueOf(bool);
            case null, default -> MAPPER.valueToTree(result);
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
