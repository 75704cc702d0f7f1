package dev.fulfillment.local.sfn.query.intrinsic.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.fulfillment.local.sfn.query.intrinsic.Arguments;
import dev.fulfillment.local.sfn.query.intrinsic.Arity;
import dev.fulfillment.local.sfn.query.intrinsic.IntrinsicFunction;

/** {@code States.JsonToString(value)}: the value as compact JSON text ({@code {"Arg1":1,"Arg2":[]}}). */
public final class JsonToString implements IntrinsicFunction {
    @Override
    public String name() {
        return "States.JsonToString";
    }

    @Override
    public Arity arity() {
        return Arity.exactly(1);
    }

    @Override
    public JsonNode apply(Arguments args) {
        return TextNode.valueOf(args.value(0).toString());
    }
}
