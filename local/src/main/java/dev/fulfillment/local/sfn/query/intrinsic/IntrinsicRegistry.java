package dev.fulfillment.local.sfn.query.intrinsic;

import dev.fulfillment.local.sfn.query.intrinsic.functions.Array;
import dev.fulfillment.local.sfn.query.intrinsic.functions.ArrayContains;
import dev.fulfillment.local.sfn.query.intrinsic.functions.ArrayGetItem;
import dev.fulfillment.local.sfn.query.intrinsic.functions.ArrayLength;
import dev.fulfillment.local.sfn.query.intrinsic.functions.ArrayPartition;
import dev.fulfillment.local.sfn.query.intrinsic.functions.ArrayRange;
import dev.fulfillment.local.sfn.query.intrinsic.functions.ArrayUnique;
import dev.fulfillment.local.sfn.query.intrinsic.functions.Base64Decode;
import dev.fulfillment.local.sfn.query.intrinsic.functions.Base64Encode;
import dev.fulfillment.local.sfn.query.intrinsic.functions.Format;
import dev.fulfillment.local.sfn.query.intrinsic.functions.Hash;
import dev.fulfillment.local.sfn.query.intrinsic.functions.JsonMerge;
import dev.fulfillment.local.sfn.query.intrinsic.functions.JsonToString;
import dev.fulfillment.local.sfn.query.intrinsic.functions.MathAdd;
import dev.fulfillment.local.sfn.query.intrinsic.functions.MathRandom;
import dev.fulfillment.local.sfn.query.intrinsic.functions.StringSplit;
import dev.fulfillment.local.sfn.query.intrinsic.functions.StringToJson;
import dev.fulfillment.local.sfn.query.intrinsic.functions.Uuid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An immutable set of intrinsic functions by name. {@link #standard()} holds the 18 functions AWS documents. */
public final class IntrinsicRegistry {
    private static final IntrinsicRegistry STANDARD = of(List.of(
            new Format(), new StringToJson(), new JsonToString(), new Array(),
            new ArrayPartition(), new ArrayContains(), new ArrayRange(), new ArrayGetItem(), new ArrayLength(),
            new ArrayUnique(), new Base64Encode(), new Base64Decode(), new Hash(), new JsonMerge(),
            new MathRandom(), new MathAdd(), new StringSplit(), new Uuid()));

    private final Map<String, IntrinsicFunction> functions;

    private IntrinsicRegistry(Map<String, IntrinsicFunction> functions) {
        this.functions = Map.copyOf(functions);
    }

    public static IntrinsicRegistry standard() {
        return STANDARD;
    }

    public static IntrinsicRegistry of(List<? extends IntrinsicFunction> functions) {
        Map<String, IntrinsicFunction> byName = new LinkedHashMap<>();
        for (IntrinsicFunction function : functions) {
            if (byName.put(function.name(), function) != null) {
                throw new IllegalArgumentException("duplicate intrinsic function " + function.name());
            }
        }
        return new IntrinsicRegistry(byName);
    }

    /** The function called {@code name}, or null. */
    public IntrinsicFunction find(String name) {
        return functions.get(name);
    }

    public Set<String> names() {
        return functions.keySet();
    }
}
