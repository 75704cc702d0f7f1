package dev.fulfillment.local.sfn.query.intrinsic.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.fulfillment.local.sfn.query.intrinsic.Arguments;
import dev.fulfillment.local.sfn.query.intrinsic.Arity;
import dev.fulfillment.local.sfn.query.intrinsic.IntrinsicFunction;
import java.math.BigDecimal;

/**
 * {@code States.MathAdd(a, b)}: the sum of two integers in the int range. "If you specify a non-integer value,
 * Step Functions rounds it off to the nearest integer": each argument is rounded half up before adding
 * (AWS recorded {@code 1.5 + 1.51 = 4}, {@code -1.5 + -1.51 = -3}, {@code -0.5 + 0.5 = 1}).
 */
public final class MathAdd implements IntrinsicFunction {
    @Override
    public String name() {
        return "States.MathAdd";
    }

    @Override
    public Arity arity() {
        return Arity.exactly(2);
    }

    @Override
    public JsonNode apply(Arguments args) {
        long sum = rounded(args, 0) + rounded(args, 1);
        if (sum != (int) sum) {
            throw args.failure("the sum " + sum + " is outside the integer range");
        }
        return IntNode.valueOf((int) sum);
    }

    private static long rounded(Arguments args, int index) {
        BigDecimal value = args.number(index);
        // Math.round semantics: floor(x + 0.5), so -1.5 becomes -1.
        BigDecimal rounded = value.add(new BigDecimal("0.5")).setScale(0, java.math.RoundingMode.FLOOR);
        if (rounded.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0
                || rounded.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw args.failure("argument " + (index + 1) + " must be an integer in the range "
                    + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ", but was " + args.value(index));
        }
        return rounded.longValueExact();
    }
}
