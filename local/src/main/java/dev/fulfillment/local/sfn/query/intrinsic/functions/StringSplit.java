package dev.fulfillment.local.sfn.query.intrinsic.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.fulfillment.local.sfn.query.intrinsic.Arguments;
import dev.fulfillment.local.sfn.query.intrinsic.Arity;
import dev.fulfillment.local.sfn.query.intrinsic.IntrinsicFunction;

/**
 * {@code States.StringSplit(string, delimiters)}: splits at every character that occurs in {@code delimiters} and
 * drops empty pieces. AWS recorded {@code ", , ,"} split on {@code ","} as {@code [" ", " "]} and
 * {@code "This.is+a,test=string"} split on {@code ".+,="} as five words.
 */
public final class StringSplit implements IntrinsicFunction {
    @Override
    public String name() {
        return "States.StringSplit";
    }

    @Override
    public Arity arity() {
        return Arity.exactly(2);
    }

    @Override
    public JsonNode apply(Arguments args) {
        String text = args.string(0);
        String delimiters = args.string(1);
        ArrayNode pieces = JsonNodeFactory.instance.arrayNode();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || delimiters.indexOf(text.charAt(i)) >= 0) {
                if (i > start) {
                    pieces.add(text.substring(start, i));
                }
                start = i + 1;
            }
        }
        return pieces;
    }
}
