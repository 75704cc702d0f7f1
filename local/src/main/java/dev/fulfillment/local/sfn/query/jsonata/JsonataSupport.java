package dev.fulfillment.local.sfn.query.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fulfillment.local.sfn.query.Variables;
import java.util.Set;

/** Runs one compiled JSONata expression with Step Functions' bindings, functions and limits. */
public final class JsonataSupport {
    /** The evaluation failed; the message is {@code <code>: <text>} as AWS quotes JSONata errors. */
    public static final class EvaluationFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EvaluationFailure(String message) {
            super(message, null, false, false);
        }
    }

    private JsonataSupport() {
    }

    /**
     * Evaluates {@code expression} with {@code $states} and the variables among {@code names} bound.
     *
     * @return the raw result: Java {@code null} for undefined, {@link Jsonata#NULL_VALUE} for JSON null
     */
    public static Object evaluate(Jsonata expression, Set<String> names, JsonNode states, Variables vars,
            long timeoutNanos, int maxDepth) {
        Jsonata.Frame frame = expression.createFrame();
        AwsFunctions.bindAll(frame);
        if (vars != null) {
            for (String name : names) {
                JsonNode value = vars.get(name);
                if (value != null) {
                    frame.bind(name, JsonataValues.toJsonata(value));
                }
            }
        }
        frame.bind("states", JsonataValues.toJsonata(states));
        EvaluationGuard guard = new EvaluationGuard(timeoutNanos, maxDepth);
        guard.install(frame);
        Object result;
        try {
            result = expression.evaluate(null, frame);
        } catch (JException e) {
            throw new EvaluationFailure(e.getError() + ": " + e.getMessage());
        } catch (EvaluationGuard.LimitExceeded | AwsFunctions.FunctionError e) {
            throw new EvaluationFailure(e.getMessage());
        } catch (StackOverflowError e) {
            throw new EvaluationFailure("U1001: Stack overflow error: Check for non-terminating recursive function."
                    + " Consider rewriting as tail-recursive.");
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause != null) {
                if (cause instanceof EvaluationGuard.LimitExceeded || cause instanceof AwsFunctions.FunctionError) {
                    throw new EvaluationFailure(cause.getMessage());
                }
                if (cause instanceof JException j) {
                    throw new EvaluationFailure(j.getError() + ": " + j.getMessage());
                }
                cause = cause.getCause();
            }
            throw new EvaluationFailure(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (result == null && guard.rootFinished() && isJsonNull(guard.rootResult())) {
            return Jsonata.NULL_VALUE;
        }
        return result;
    }

    /**
     * The library hands back JSON null as Java null, like undefined; its raw root result still tells them apart: JSON
     * null is {@link Jsonata#NULL_VALUE}, or a path's one-item result sequence holding it.
     */
    private static boolean isJsonNull(Object raw) {
        return raw == Jsonata.NULL_VALUE
                || raw instanceof java.util.List<?> list && list.size() == 1 && list.get(0) == Jsonata.NULL_VALUE;
    }

    public static boolean isFunction(Object raw) {
        return JsonataValues.isFunction(raw);
    }

    /** The result as Jackson; Java {@code null} (undefined) stays {@code null}. */
    public static JsonNode toJackson(Object raw) {
        return JsonataValues.toJackson(raw);
    }
}
