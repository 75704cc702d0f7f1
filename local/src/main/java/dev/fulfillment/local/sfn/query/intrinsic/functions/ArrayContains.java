package dev.fulfillment.local.sfn.query.intrinsic.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.fulfillment.local.sfn.query.intrinsic.Arguments;
import dev.fulfillment.local.sfn.query.intrinsic.Arity;
import dev.fulfillment.local.sfn.query.intrinsic.IntrinsicFunction;
import dev.fulfillment.local.sfn.query.intrinsic.JsonValues;

/** {@code States.ArrayContains(array, value)}: whether an item of the array equals the value (deep equality). */
public final class ArrayContains implements IntrinsicFunction {
    @Override
    public String name() {
        return "States.ArrayContains";
    }

    @Override
    public Arity arity() {
        return Arity.exactly(2);
    }

    @Override
    public JsonNode apply(Arguments args) {
        ArrayNode array = args.array(0);
        JsonNode wanted = args.value(1);
        for (JsonNode item : array) {
            if (JsonValues.same(item, wanted)) {
                return BooleanNode.TRUE;
            }
        }
        return BooleanNode.FALSE;
    }
}
