package dev.fulfillment.local.sfn.query.intrinsic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.fulfillment.local.sfn.query.path.QueryPath;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses intrinsic function calls:
 * <pre>
 * call     := 'States.' NAME '(' [ argument { ',' argument } ] ')'
 * argument := string | number | 'true' | 'false' | 'null' | path | call
 * string   := "'" { character | '\'' | '\{' | '\}' | '\\' } "'"
 * </pre>
 * Rules from "Intrinsic functions": the reserved characters {@code ' { } \} are escaped with a backslash; any
 * other backslash sequence makes the call invalid (AWS rejects the definition, see the recorded
 * {@code ESCAPE_SEQUENCES_ILLEGAL_INTRINSIC_FUNCTION} cases); up to 10 intrinsic functions may be nested in a field.
 * Errors are {@link IllegalArgumentException}s whose message says what is wrong and where.
 */
public final class IntrinsicParser {
    /** "You can nest up to 10 intrinsic functions within a field." */
    public static final int MAX_NESTED_CALLS = 10;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final IntrinsicRegistry registry;
    private final String text;
    private int pos;

    private IntrinsicParser(IntrinsicRegistry registry, String text) {
        this.registry = registry;
        this.text = text;
    }

    /** True when {@code text} looks like an intrinsic call (so a {@code .$} value is not a path). */
    public static boolean looksLikeCall(String text) {
        return text != null && text.startsWith("States.");
    }

    public static Expr.Call parse(IntrinsicRegistry registry, String text) {
        var parser = new IntrinsicParser(registry, text);
        parser.skipSpaces();
        Expr.Call call = parser.call(1);
        parser.skipSpaces();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the call");
        }
        return call;
    }

    private Expr.Call call(int depth) {
        if (depth > MAX_NESTED_CALLS) {
            throw error("more than " + MAX_NESTED_CALLS + " nested intrinsic functions");
        }
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        String name = text.substring(start, pos);
        IntrinsicFunction function = registry.find(name);
        if (function == null) {
            pos = start;
            throw error("unknown intrinsic function '" + name + "'");
        }
        skipSpaces();
        expect('(');
        List<Expr> arguments = new ArrayList<>();
        skipSpaces();
        if (peek() == ')') {
            pos++;
        } else {
            while (true) {
                skipSpaces();
                arguments.add(argument(depth));
                skipSpaces();
                char c = peek();
                pos++;
                if (c == ')') {
                    break;
                }
                if (c != ',') {
                    pos--;
                    throw error("expected ',' or ')'");
                }
            }
        }
        if (!function.arity().accepts(arguments.size())) {
            throw new IllegalArgumentException("The intrinsic function " + name + " takes " + function.arity().describe()
                    + " argument(s), but " + arguments.size() + " were given in: " + text);
        }
        return new Expr.Call(function, arguments);
    }

    private Expr argument(int depth) {
        char c = peek();
        if (c == '\'') {
            return string();
        }
        if (c == '$') {
            return path();
        }
        if (c == '-' || Character.isDigit(c)) {
            return number();
        }
        if (text.startsWith("States.", pos)) {
            return call(depth + 1);
        }
        for (String word : new String[] {"true", "false", "null"}) {
            if (text.startsWith(word, pos) && !isWordChar(pos + word.length())) {
                pos += word.length();
                JsonNode value = switch (word) {
                    case "true" -> BooleanNode.TRUE;
                    case "false" -> BooleanNode.FALSE;
                    default -> NullNode.getInstance();
                };
                return new Expr.Literal(value);
            }
        }
        throw error("expected a string, number, boolean, null, path or intrinsic function");
    }

    private Expr.Str string() {
        int start = pos;
        pos++;   // opening quote
        StringBuilder value = new StringBuilder();
        List<Integer> placeholders = new ArrayList<>();
        boolean previousWasOpenBrace = false;   // an unescaped '{' just before
        while (true) {
            if (pos >= text.length()) {
                pos = start;
                throw error("unterminated string literal");
            }
            char c = text.charAt(pos++);
            if (c == '\'') {
                return new Expr.Str(value.toString(), placeholders);
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    throw error("open escape backslash at the end of the call");
                }
                char escaped = text.charAt(pos++);
                if (escaped != '\'' && escaped != '{' && escaped != '}' && escaped != '\\') {
                    pos -= 2;
                    throw error("illegal escape sequence '\\" + escaped + "' (only \\' \\{ \\} \\\\ are allowed)");
                }
                value.append(escaped);
                previousWasOpenBrace = false;
                continue;
            }
            if (c == '}' && previousWasOpenBrace) {
                placeholders.add(value.length() - 1);
            }
            previousWasOpenBrace = c == '{';
            value.append(c);
        }
    }

    private Expr.PathRef path() {
        int start = pos;
        int brackets = 0;
        int parens = 0;
        char quote = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (brackets > 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == '[') {
                brackets++;
            } else if (c == ']') {
                brackets--;
            } else if (c == '(') {
                parens++;
            } else if (c == ')') {
                if (parens == 0 && brackets == 0) {
                    break;
                }
                parens--;
            } else if (c == ',' && brackets == 0 && parens == 0) {
                break;
            }
            pos++;
        }
        String pathText = text.substring(start, pos).strip();
        try {
            return new Expr.PathRef(QueryPath.parse(pathText));
        } catch (IllegalArgumentException e) {
            pos = start;
            throw error(e.getMessage());
        }
    }

    private Expr.Literal number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        while (pos < text.length() && "0123456789.eE+-".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String number = text.substring(start, pos);
        try {
            JsonNode node = MAPPER.readTree(number);
            if (node == null || !node.isNumber()) {
                throw new NumberFormatException(number);
            }
            return new Expr.Literal(node);
        } catch (JsonProcessingException | NumberFormatException e) {
            pos = start;
            throw error("invalid number '" + number + "'");
        }
    }

    private boolean isWordChar(int index) {
        return index < text.length() && (Character.isLetterOrDigit(text.charAt(index)) || text.charAt(index) == '_');
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("Invalid intrinsic function call at position " + pos + ": " + message
                + " in: " + text);
    }
}
