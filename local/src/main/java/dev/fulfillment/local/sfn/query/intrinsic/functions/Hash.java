package dev.fulfillment.local.sfn.query.intrinsic.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.fulfillment.local.sfn.query.QueryException;
import dev.fulfillment.local.sfn.query.intrinsic.Arguments;
import dev.fulfillment.local.sfn.query.intrinsic.Arity;
import dev.fulfillment.local.sfn.query.intrinsic.IntrinsicFunction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code States.Hash(data, algorithm)}: the lowercase hex digest of the UTF-8 data. Algorithms: MD5, SHA-1,
 * SHA-256, SHA-384, SHA-512; the data can't exceed 10,000 characters. ({@code $hash} in JSONata uses {@link #hex}.)
 */
public final class Hash implements IntrinsicFunction {
    public static final List<String> ALGORITHMS = List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");
    public static final int MAX_INPUT_CHARACTERS = 10_000;

    @Override
    public String name() {
        return "States.Hash";
    }

    @Override
    public Arity arity() {
        return Arity.exactly(2);
    }

    @Override
    public JsonNode apply(Arguments args) {
        String data = args.string(0, MAX_INPUT_CHARACTERS);
        String algorithm = args.string(1);
        if (!ALGORITHMS.contains(algorithm)) {
            throw args.failure("the algorithm must be one of " + String.join(", ", ALGORITHMS) + ", but was '"
                    + algorithm + "'");
        }
        return TextNode.valueOf(hex(data, algorithm));
    }

    /** The digest of {@code data} with one of {@link #ALGORITHMS}. */
    public static String hex(String data, String algorithm) {
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new QueryException(QueryException.INTRINSIC_FAILURE, "Unsupported hash algorithm " + algorithm);
        }
    }
}
