package dev.fulfillment.local.sfn.query;

import com.fasterxml.jackson.databind.JsonNode;

/** The workflow variables visible to an expression. The engine implements scoping (Map, Parallel). */
@FunctionalInterface
public interface Variables {
    /** The variable's value, or {@code null} when it is not defined. */
    JsonNode get(String name);

    /** No variables at all. */
    static Variables none() {
        return name -> null;
    }
}
