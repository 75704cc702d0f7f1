package dev.fulfillment.local.sfn.query.intrinsic.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.fulfillment.local.sfn.query.intrinsic.Arguments;
import dev.fulfillment.local.sfn.query.intrinsic.Arity;
import dev.fulfillment.local.sfn.query.intrinsic.IntrinsicFunction;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code States.Base64Decode(base64)}: decodes Base64 into a UTF-8 string. The Base64 input can't exceed 10,000
 * characters; input that is not Base64, or bytes that are not UTF-8, fail.
 */
public final class Base64Decode implements IntrinsicFunction {
    public static final int MAX_INPUT_CHARACTERS = 10_000;

    @Override
    public String name() {
        return "States.Base64Decode";
    }

    @Override
    public Arity arity() {
        return Arity.exactly(1);
    }

    @Override
    public JsonNode apply(Arguments args) {
        String text = args.string(0, MAX_INPUT_CHARACTERS);
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            return TextNode.valueOf(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw args.failure("the input is not Base64-encoded UTF-8 text: " + text);
        }
    }
}
