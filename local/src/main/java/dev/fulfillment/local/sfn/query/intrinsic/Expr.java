package dev.fulfillment.local.sfn.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulfillment.local.sfn.query.path.QueryPath;
import java.util.List;

/** The parsed form of an intrinsic function call and its arguments. */
public sealed interface Expr {
    /** A number, {@code true}, {@code false} or {@code null}. */
    record Literal(JsonNode value) implements Expr {
    }

    /**
     * A string literal, escapes resolved. {@code placeholders} are the offsets in {@code value} where an unescaped
     * {@code {}} stands: only those are States.Format placeholders ({@code \{\}} is a literal pair of braces).
     */
    record Str(String value, List<Integer> placeholders) implements Expr {
        public Str {
            placeholders = List.copyOf(placeholders);
        }
    }

    /** A Path argument: {@code $...}, {@code $$...} or {@code $variable...}. */
    record PathRef(QueryPath path) implements Expr {
    }

    /** A call of a registered function with already-checked arity. */
    record Call(IntrinsicFunction function, List<Expr> arguments) implements Expr {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }
}
