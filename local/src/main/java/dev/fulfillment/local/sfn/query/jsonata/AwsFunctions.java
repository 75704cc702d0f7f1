package dev.fulfillment.local.sfn.query.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.fulfillment.local.sfn.query.intrinsic.functions.ArrayPartition;
import dev.fulfillment.local.sfn.query.intrinsic.functions.ArrayRange;
import dev.fulfillment.local.sfn.query.intrinsic.functions.Hash;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The functions Step Functions adds to JSONata ("Transforming data with JSONata in Step Functions", Step Functions
 * provided functions): {@code $partition}, {@code $range}, {@code $hash}, {@code $random} (with an optional seed,
 * replacing JSONata's own), {@code $uuid} and {@code $parse}. They share their rules with the equivalent
 * intrinsic functions (States.ArrayPartition, States.ArrayRange, States.Hash, States.MathRandom, States.UUID,
 * States.StringToJson).
 */
final class AwsFunctions {
    /** Thrown for invalid arguments; the evaluator reports it as an error during evaluation. */
    static final class FunctionError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FunctionError(String message) {
            super(message, null, false, false);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final Map<String, Jsonata.JFunction> FUNCTIONS = Map.of(
            "partition", function("partition", AwsFunctions::partition),
            "range", function("range", AwsFunctions::range),
            "hash", function("hash", AwsFunctions::hash),
            "random", function("random", AwsFunctions::random),
            "uuid", function("uuid", args -> {
                arity("$uuid", args, 0, 0);
                return UUID.randomUUID().toString();
            }),
            "parse", function("parse", AwsFunctions::parse));

    private AwsFunctions() {
    }

    /** Binds the functions into a frame, shadowing JSONata's own {@code $random}. */
    static void bindAll(Jsonata.Frame frame) {
        FUNCTIONS.forEach(frame::bind);
    }

    private static Jsonata.JFunction function(String name, Jsonata.FnVarArgs<Object> body) {
        return Jsonata.function(name, body, null);
    }

    private static Object partition(List<?> args) {
        arity("$partition", args, 2, 2);
        if (!(args.get(0) instanceof List<?>)) {
            throw new FunctionError("$partition: the first argument must be an array");
        }
        long size = integer("$partition", args.get(1), 2);
        if (size <= 0) {
            throw new FunctionError("$partition: the chunk size must be a positive, non-zero integer");
        }
        ArrayNode array = (ArrayNode) JsonataValues.toJackson(args.get(0));
        return JsonataValues.toJsonata(ArrayPartition.partition(array, (int) Math.min(size, Integer.MAX_VALUE)));
    }

    private static Object range(List<?> args) {
        arity("$range", args, 3, 3);
        long first = integer("$range", args.get(0), 1);
        long last = integer("$range", args.get(1), 2);
        long step = integer("$range", args.get(2), 3);
        if (step == 0) {
            throw new FunctionError("$range: the step must be a non-zero integer");
        }
        long count = ArrayRange.count(first, last, step);
        if (count > ArrayRange.MAX_ITEMS) {
            throw new FunctionError("$range: the range has " + count + " items, more than the maximum of "
                    + ArrayRange.MAX_ITEMS);
        }
        return JsonataValues.toJsonata(ArrayRange.range(first, last, step));
    }

    private static Object hash(List<?> args) {
        arity("$hash", args, 2, 2);
        if (!(args.get(0) instanceof String data) || !(args.get(1) instanceof String algorithm)) {
            throw new FunctionError("$hash: the data and the algorithm must be strings");
        }
        if (!Hash.ALGORITHMS.contains(algorithm)) {
            throw new FunctionError("$hash: the algorithm must be one of " + String.join(", ", Hash.ALGORITHMS)
                    + ", but was '" + algorithm + "'");
        }
        if (data.length() > Hash.MAX_INPUT_CHARACTERS) {
            throw new FunctionError("$hash: the data has more than " + Hash.MAX_INPUT_CHARACTERS + " characters");
        }
        return Hash.hex(data, algorithm);
    }

    private static Object random(List<?> args) {
        arity("$random", args, 0, 1);
        if (args.isEmpty() || args.get(0) == null) {
            return ThreadLocalRandom.current().nextDouble();
        }
        return new Random(integer("$random", args.get(0), 1)).nextDouble();
    }

    private static Object parse(List<?> args) {
        arity("$parse", args, 1, 1);
        if (!(args.get(0) instanceof String text)) {
            throw new FunctionError("$parse: the argument must be a string");
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new FunctionError("$parse: the string is empty");
            }
            return JsonataValues.toJsonata(node);
        } catch (JsonProcessingException e) {
            throw new FunctionError("$parse: the string is not valid JSON: " + text);
        }
    }

    private static void arity(String name, List<?> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            throw new FunctionError(name + ": expected " + (min == max ? "" + min : min + " to " + max)
                    + " argument(s), got " + args.size());
        }
    }

    private static long integer(String name, Object value, int position) {
        if (value instanceof Number number) {
            double d = number.doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d)) {
                return number instanceof Double || number instanceof Float ? (long) d : number.longValue();
            }
        }
        throw new FunctionError(name + ": argument " + position + " must be an integer, but was " + value);
    }
}
