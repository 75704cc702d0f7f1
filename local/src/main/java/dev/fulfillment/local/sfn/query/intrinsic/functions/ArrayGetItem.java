package dev.fulfillment.local.sfn.query.intrinsic.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.fulfillment.local.sfn.query.intrinsic.Arguments;
import dev.fulfillment.local.sfn.query.intrinsic.Arity;
import dev.fulfillment.local.sfn.query.intrinsic.IntrinsicFunction;

/** {@code States.ArrayGetItem(array, index)}: the item at a zero-based index that must exist. */
public final class ArrayGetItem implements IntrinsicFunction {
    @Override
    public String name() {
        return "States.ArrayGetItem";
    }

    @Override
    public Arity arity() {
        return Arity.exactly(2);
    }

    @Override
    public JsonNode apply(Arguments args) {
        ArrayNode array = args.array(0);
        int index = args.integer(1);
        if (index < 0 || index >= array.size()) {
            throw args.failure("the index " + index + " is out of bounds for an array of " + array.size() + " item(s)");
        }
        return array.get(index);
    }
}
