package dev.fulfillment.local.sfn.query.intrinsic.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.fulfillment.local.sfn.query.intrinsic.Arguments;
import dev.fulfillment.local.sfn.query.intrinsic.Arity;
import dev.fulfillment.local.sfn.query.intrinsic.IntrinsicFunction;

/** {@code States.Array(values...)}: zero or more values, returned as an array in the order given. */
public final class Array implements IntrinsicFunction {
    @Override
    public String name() {
        return "States.Array";
    }

    @Override
    public Arity arity() {
        return Arity.atLeast(0);
    }

    @Override
    public JsonNode apply(Arguments args) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode(args.size());
        args.values().forEach(array::add);
        return array;
    }
}
