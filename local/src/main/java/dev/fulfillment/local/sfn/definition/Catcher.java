package dev.fulfillment.local.sfn.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One Catch entry; {@code resultPath} "$" when absent (JSONPath), null for JSON null; Output/Assign for JSONata. */
public record Catcher(List<String> errorEquals, String next, String resultPath, JsonNode output, JsonNode assign) {}
