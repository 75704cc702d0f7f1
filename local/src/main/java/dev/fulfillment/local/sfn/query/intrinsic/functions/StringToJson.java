package dev.fulfillment.local.sfn.query.intrinsic.functions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulfillment.local.sfn.query.intrinsic.Arguments;
import dev.fulfillment.local.sfn.query.intrinsic.Arity;
import dev.fulfillment.local.sfn.query.intrinsic.IntrinsicFunction;

/** {@code States.StringToJson(string)}: parses escaped JSON text into its JSON value. */
public final class StringToJson implements IntrinsicFunction {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    public String name() {
        return "States.StringToJson";
    }

    @Override
    public Arity arity() {
        return Arity.exactly(1);
    }

    @Override
    public JsonNode apply(Arguments args) {
        String text = args.string(0);
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw args.failure("the string is empty, not JSON text");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw args.failure("the string is not valid JSON text: " + text);
        }
    }
}
