package dev.fulfillment.local.sfn.query;

import java.util.Objects;

/**
 * A failure while evaluating a JSONPath, intrinsic function or JSONata expression. {@link #error()} is the
 * Step Functions error name the engine reports; {@link #cause()} is AWS's message text for the part the query
 * language knows. The engine prefixes it with the state context, as AWS does:
 * {@code "An error occurred while executing the state 'S' (entered at the event id #2). " + cause()}.
 */
public final class QueryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A path did not match, or a value had the wrong shape for a JSONPath field. */
    public static final String RUNTIME = "States.Runtime";
    /** A JSONata expression failed, returned undefined where a value is required, or returned the wrong type. */
    public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";
    /** An intrinsic function rejected its arguments. */
    public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";

    private final String error;
    private final String cause;
    private final String field;

    public QueryException(String error, String cause) {
        this(error, cause, null);
    }

    /** {@code field}: the field path that failed inside the state ({@code Output/result}), when known. */
    public QueryException(String error, String cause, String field) {
        super(error + ": " + cause, null, false, false);
        this.error = Objects.requireNonNull(error, "error");
        this.cause = Objects.requireNonNull(cause, "cause");
        this.field = field;
    }

    /** The field path that failed, e.g. {@code Arguments/FunctionName}; null when the caller did not name one. */
    public String field() {
        return field;
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }
}
