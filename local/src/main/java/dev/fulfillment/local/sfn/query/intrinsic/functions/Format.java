package dev.fulfillment.local.sfn.query.intrinsic.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.fulfillment.local.sfn.query.intrinsic.Arguments;
import dev.fulfillment.local.sfn.query.intrinsic.Arity;
import dev.fulfillment.local.sfn.query.intrinsic.IntrinsicFunction;
import dev.fulfillment.local.sfn.query.intrinsic.JsonValues;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code States.Format(template, values...)}: "There must be as many remaining arguments as there are occurrences
 * of {}"; each {@code {}} is replaced by the positionally corresponding value. In a literal template an escaped
 * {@code \{\}} is not a placeholder. Strings go in as they are, {@code null} as {@code null}, objects and arrays
 * in Java's map/list rendering (what AWS outputs).
 */
public final class Format implements IntrinsicFunction {
    @Override
    public String name() {
        return "States.Format";
    }

    @Override
    public Arity arity() {
        return Arity.atLeast(1);
    }

    @Override
    public JsonNode apply(Arguments args) {
        String template = args.string(0);
        List<Integer> placeholders = args.literalPlaceholders(0);
        if (placeholders == null) {
            placeholders = new ArrayList<>();
            for (int i = template.indexOf("{}"); i >= 0; i = template.indexOf("{}", i + 2)) {
                placeholders.add(i);
            }
        }
        if (placeholders.size() != args.size() - 1) {
            throw args.failure("the template has " + placeholders.size() + " placeholder(s) '{}' but "
                    + (args.size() - 1) + " value(s) were given");
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int i = 0; i < placeholders.size(); i++) {
            int at = placeholders.get(i);
            out.append(template, from, at).append(JsonValues.javaStyle(args.value(i + 1)));
            from = at + 2;
        }
        out.append(template, from, template.length());
        return TextNode.valueOf(out.toString());
    }
}
