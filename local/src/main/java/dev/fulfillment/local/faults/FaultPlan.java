package dev.fulfillment.local.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What to inject, read from a faults file (off when there is none):
 *
 * <pre>{@code
 * {"seed": 42, "faults": [
 *   {"kind": "lambda-transient", "function": "ChargePayment*", "rate": 0.1},
 *   {"kind": "dynamodb-throttle", "operation": "*", "rate": 0.05},
 *   {"kind": "sfn-throttle", "rate": 0.05}]}
 * }</pre>
 *
 * <p>The target of a rule may be given as {@code function}, {@code operation}, {@code queue} or {@code target}; it
 * defaults to every call. The same seed and the same calls give the same faults (see {@link FaultInjector}).
 */
public record FaultPlan(long seed, List<FaultRule> rules) {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Set<String> FIELDS = Set.of("kind", "function", "operation", "queue", "target", "rate");

  public FaultPlan {
    rules = List.copyOf(rules);
  }

  public static FaultPlan none() {
    return new FaultPlan(0, List.of());
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  public boolean has(FaultKind kind) {
    return rules.stream().anyMatch(r -> r.kind() == kind && r.rate() > 0);
  }

  public static FaultPlan load(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the faults file " + file + ": " + e.getMessage());
    }
  }

  public static FaultPlan parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("the faults file is not valid JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject() || !root.path("seed").canConvertToLong()
        || !root.path("faults").isArray()) {
      throw new IllegalArgumentException("the faults file must be {\"seed\": <integer>, \"faults\": [...]}");
    }
    List<FaultRule> rules = new ArrayList<>();
    for (JsonNode fault : root.get("faults")) {
      fault.fieldNames().forEachRemaining(name -> {
        if (!FIELDS.contains(name)) {
          throw new IllegalArgumentException("unknown field '" + name + "' in fault " + fault + "; known: " + FIELDS);
        }
      });
      if (!fault.path("rate").isNumber()) {
        throw new IllegalArgumentException("fault " + fault + " needs a numeric rate");
      }
      String target = null;
      for (String field : List.of("function", "operation", "queue", "target")) {
        if (fault.hasNonNull(field)) {
          target = fault.get(field).asText();
        }
      }
      rules.add(new FaultRule(FaultKind.of(fault.path("kind").asText()), target, fault.get("rate").asDouble()));
    }
    return new FaultPlan(root.get("seed").asLong(), rules);
  }
}
