package dev.fulfillment.local.sfn.definition;

import com.fasterxml.jackson.databind.JsonNode;

/** A top-level Choices entry: its rule, Next, and the Assign/Output that apply when it matches. */
public record ChoiceBranch(ChoiceRule rule, String next, JsonNode assign, JsonNode output) {}
