package dev.fulfillment.local.sfn.query.intrinsic.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.fulfillment.local.sfn.query.intrinsic.Arguments;
import dev.fulfillment.local.sfn.query.intrinsic.Arity;
import dev.fulfillment.local.sfn.query.intrinsic.IntrinsicFunction;
import java.util.UUID;

/** {@code States.UUID()}: a version 4 UUID made from random numbers. */
public final class Uuid implements IntrinsicFunction {
    @Override
    public String name() {
        return "States.UUID";
    }

    @Override
    public Arity arity() {
        return Arity.exactly(0);
    }

    @Override
    public JsonNode apply(Arguments args) {
        return TextNode.valueOf(UUID.randomUUID().toString());
    }
}
