package dev.fulfillment.local.sfn.query.intrinsic.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulfillment.local.sfn.query.intrinsic.Arguments;
import dev.fulfillment.local.sfn.query.intrinsic.Arity;
import dev.fulfillment.local.sfn.query.intrinsic.IntrinsicFunction;

/**
 * {@code States.JsonMerge(left, right, deep)}: merges two objects; on equal keys the right value wins. With
 * {@code deep = false} (shallow, the mode AWS documents as supported) a nested object on the right replaces the one
 * on the left; with {@code true} nested objects are merged recursively.
 */
public final class JsonMerge implements IntrinsicFunction {
    @Override
    public String name() {
        return "States.JsonMerge";
    }

    @Override
    public Arity arity() {
        return Arity.exactly(3);
    }

    @Override
    public JsonNode apply(Arguments args) {
        ObjectNode left = args.object(0);
        ObjectNode right = args.object(1);
        boolean deep = args.bool(2);
        ObjectNode merged = left.deepCopy();
        merge(merged, right, deep);
        return merged;
    }

    private static void merge(ObjectNode target, ObjectNode source, boolean deep) {
        for (var field : source.properties()) {
            JsonNode existing = target.get(field.getKey());
            if (deep && existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode next) {
                merge(existingObject, next, true);
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }
}
