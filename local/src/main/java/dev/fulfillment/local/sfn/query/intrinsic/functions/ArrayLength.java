package dev.fulfillment.local.sfn.query.intrinsic.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.fulfillment.local.sfn.query.intrinsic.Arguments;
import dev.fulfillment.local.sfn.query.intrinsic.Arity;
import dev.fulfillment.local.sfn.query.intrinsic.IntrinsicFunction;

/** {@code States.ArrayLength(array)}: the number of items. */
public final class ArrayLength implements IntrinsicFunction {
    @Override
    public String name() {
        return "States.ArrayLength";
    }

    @Override
    public Arity arity() {
        return Arity.exactly(1);
    }

    @Override
    public JsonNode apply(Arguments args) {
        return IntNode.valueOf(args.array(0).size());
    }
}
