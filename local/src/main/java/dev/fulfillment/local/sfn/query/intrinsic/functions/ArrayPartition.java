package dev.fulfillment.local.sfn.query.intrinsic.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.fulfillment.local.sfn.query.intrinsic.Arguments;
import dev.fulfillment.local.sfn.query.intrinsic.Arity;
import dev.fulfillment.local.sfn.query.intrinsic.IntrinsicFunction;

/**
 * {@code States.ArrayPartition(array, chunkSize)}: consecutive chunks of {@code chunkSize} items, the last one
 * shorter when items run out. The chunk size must be a positive, non-zero integer. ({@code $partition} in JSONata
 * uses {@link #partition}.)
 */
public final class ArrayPartition implements IntrinsicFunction {
    @Override
    public String name() {
        return "States.ArrayPartition";
    }

    @Override
    public Arity arity() {
        return Arity.exactly(2);
    }

    @Override
    public JsonNode apply(Arguments args) {
        ArrayNode array = args.array(0);
        int size = args.integer(1);
        if (size <= 0) {
            throw args.failure("the chunk size must be a positive, non-zero integer, but was " + args.value(1));
        }
        return partition(array, size);
    }

    public static ArrayNode partition(ArrayNode array, int size) {
        ArrayNode chunks = JsonNodeFactory.instance.arrayNode();
        ArrayNode chunk = null;
        for (int i = 0; i < array.size(); i++) {
            if (i % size == 0) {
                chunk = chunks.addArray();
            }
            chunk.add(array.get(i));
        }
        return chunks;
    }
}
