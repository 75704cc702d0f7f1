package dev.fulfillment.local.sfn.query.intrinsic.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.fulfillment.local.sfn.query.intrinsic.Arguments;
import dev.fulfillment.local.sfn.query.intrinsic.Arity;
import dev.fulfillment.local.sfn.query.intrinsic.IntrinsicFunction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** {@code States.Base64Encode(string)}: the UTF-8 bytes in Base64. The input can't exceed 10,000 characters. */
public final class Base64Encode implements IntrinsicFunction {
    public static final int MAX_INPUT_CHARACTERS = 10_000;

    @Override
    public String name() {
        return "States.Base64Encode";
    }

    @Override
    public Arity arity() {
        return Arity.exactly(1);
    }

    @Override
    public JsonNode apply(Arguments args) {
        String text = args.string(0, MAX_INPUT_CHARACTERS);
        return TextNode.valueOf(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }
}
