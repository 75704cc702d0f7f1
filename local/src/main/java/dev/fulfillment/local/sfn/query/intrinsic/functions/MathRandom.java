package dev.fulfillment.local.sfn.query.intrinsic.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.fulfillment.local.sfn.query.intrinsic.Arguments;
import dev.fulfillment.local.sfn.query.intrinsic.Arity;
import dev.fulfillment.local.sfn.query.intrinsic.IntrinsicFunction;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code States.MathRandom(start, end[, seed])}: a random integer from {@code start} (inclusive) to {@code end}
 * (exclusive). All arguments are integers; with a seed the same arguments give the same number.
 */
public final class MathRandom implements IntrinsicFunction {
    @Override
    public String name() {
        return "States.MathRandom";
    }

    @Override
    public Arity arity() {
        return Arity.between(2, 3);
    }

    @Override
    public JsonNode apply(Arguments args) {
        int start = args.integer(0);
        int end = args.integer(1);
        if (start >= end) {
            throw args.failure("the start value " + start + " must be less than the end value " + end);
        }
        Random random = args.size() == 3 ? new Random(args.integer(2)) : ThreadLocalRandom.current();
        return IntNode.valueOf(random.nextInt(start, end));
    }
}
