package dev.fulfillment.local.sfn.query.intrinsic.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.fulfillment.local.sfn.query.intrinsic.Arguments;
import dev.fulfillment.local.sfn.query.intrinsic.Arity;
import dev.fulfillment.local.sfn.query.intrinsic.IntrinsicFunction;

/**
 * {@code States.ArrayRange(first, last, step)}: {@code first, first+step, ...} up to and including {@code last}.
 * Documented input validation: all arguments are integers, the step is non-zero, and the new array can't contain
 * more than 1000 items.
 */
public final class ArrayRange implements IntrinsicFunction {
    public static final int MAX_ITEMS = 1000;

    @Override
    public String name() {
        return "States.ArrayRange";
    }

    @Override
    public Arity arity() {
        return Arity.exactly(3);
    }

    @Override
    public JsonNode apply(Arguments args) {
        int first = args.integer(0);
        int last = args.integer(1);
        int step = args.integer(2);
        if (step == 0) {
            throw args.failure("the step (argument 3) must be a non-zero integer");
        }
        long count = count(first, last, step);
        if (count > MAX_ITEMS) {
            throw args.failure("the range has " + count + " items, more than the maximum of " + MAX_ITEMS);
        }
        return range(first, last, step);
    }

    /** Items in the range; 0 when the step moves away from {@code last}. */
    public static long count(long first, long last, long step) {
        if (step > 0 ? first > last : first < last) {
            return 0;
        }
        return (last - first) / step + 1;
    }

    public static ArrayNode range(long first, long last, long step) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        long count = count(first, last, step);
        for (long i = 0; i < count; i++) {
            long value = first + i * step;
            if (value == (int) value) {
                array.add((int) value);
            } else {
                array.add(value);
            }
        }
        return array;
    }
}
