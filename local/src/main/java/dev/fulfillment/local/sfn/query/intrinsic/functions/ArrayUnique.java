package dev.fulfillment.local.sfn.query.intrinsic.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.fulfillment.local.sfn.query.intrinsic.Arguments;
import dev.fulfillment.local.sfn.query.intrinsic.Arity;
import dev.fulfillment.local.sfn.query.intrinsic.IntrinsicFunction;
import dev.fulfillment.local.sfn.query.intrinsic.JsonValues;

/** {@code States.ArrayUnique(array)}: the items without duplicates, first occurrences in their order. */
public final class ArrayUnique implements IntrinsicFunction {
    @Override
    public String name() {
        return "States.ArrayUnique";
    }

    @Override
    public Arity arity() {
        return Arity.exactly(1);
    }

    @Override
    public JsonNode apply(Arguments args) {
        ArrayNode unique = JsonNodeFactory.instance.arrayNode();
        for (JsonNode item : args.array(0)) {
            boolean seen = false;
            for (JsonNode kept : unique) {
                if (JsonValues.same(kept, item)) {
                    seen = true;
                    break;
                }
            }
            if (!seen) {
                unique.add(item);
            }
        }
        return unique;
    }
}
