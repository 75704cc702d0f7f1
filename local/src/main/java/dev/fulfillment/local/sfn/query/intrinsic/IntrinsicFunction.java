package dev.fulfillment.local.sfn.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One intrinsic function of Amazon States Language ("Intrinsic functions for JSONPath states"). Implementations
 * are stateless and thread-safe; the parser checks {@link #arity()} before {@link #apply} is ever called.
 */
public interface IntrinsicFunction {
    /** The name as written in a definition, for example {@code States.Format}. */
    String name();

    Arity arity();

    /**
     * Computes the result from evaluated arguments.
     *
     * @throws dev.fulfillment.local.sfn.query.QueryException States.IntrinsicFailure when arguments are invalid
     */
    JsonNode apply(Arguments args);
}
