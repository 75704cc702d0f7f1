package dev.fulfillment.local.sfn.query.jsonata;

import com.dashjoin.jsonata.Jsonata;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Per-evaluation hooks into the JSONata library's entry/exit callbacks (the frame bindings
 * {@code __evaluate_entry}/{@code __evaluate_exit} it consults around every node):
 * <ul>
 *   <li>limits: nesting depth and a deadline, so a hostile expression (infinite recursion, huge loops) fails with
 *       JSONata's U1001 texts instead of hanging or overflowing the engine's stack;</li>
 *   <li>the root node's raw result, before the library turns JSON {@code null} into Java {@code null}: the only
 *       way to tell an expression that returned {@code null} from one that returned nothing (undefined).</li>
 * </ul>
 * The callback interfaces take a package-private parameter type, so they are implemented with a dynamic proxy.
 * One instance serves one evaluation on one thread.
 */
final class EvaluationGuard implements InvocationHandler {
    /** Thrown from a callback when a limit is hit; the evaluator turns it into States.QueryEvaluationError. */
    static final class LimitExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LimitExceeded(String message) {
            super(message, null, false, false);
        }
    }

    private final long deadlineNanos;
    private final int maxDepth;
    private int depth;
    private boolean rootFinished;
    private Object rootResult;

    EvaluationGuard(long timeoutNanos, int maxDepth) {
        this.deadlineNanos = System.nanoTime() + timeoutNanos;
        this.maxDepth = maxDepth;
    }

    void install(Jsonata.Frame frame) {
        ClassLoader loader = Jsonata.class.getClassLoader();
        frame.bind("__evaluate_entry", Proxy.newProxyInstance(loader, new Class<?>[] {Jsonata.EntryCallback.class}, this));
        frame.bind("__evaluate_exit", Proxy.newProxyInstance(loader, new Class<?>[] {Jsonata.ExitCallback.class}, this));
    }

    boolean rootFinished() {
        return rootFinished;
    }

    /** The root expression's result as the library produced it: {@link Jsonata#NULL_VALUE} for JSON null. */
    Object rootResult() {
        return rootResult;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "EvaluationGuard";
            };
        }
        if (method.getDeclaringClass() == Jsonata.EntryCallback.class) {
            depth++;
            if (depth > maxDepth) {
                throw new LimitExceeded("U1001: Stack overflow error: Check for non-terminating recursive function."
                        + " Consider rewriting as tail-recursive.");
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new LimitExceeded("U1001: Expression evaluation timeout: Check for infinite loop");
            }
        } else {
            depth--;
            if (depth == 0) {
                rootFinished = true;
                rootResult = args[3];
            }
        }
        return null;
    }
}
