package dev.fulfillment.local.sfn.definition;

import java.util.Map;

/**
 * A parsed, validated state machine (or a Parallel branch / Map item processor, which have the same shape).
 * {@code timeoutSeconds} is null when the machine has no TimeoutSeconds.
 */
public record StateMachineDefinition(String startAt, Map<String, State> states, QueryLanguage queryLanguage,
                                     Integer timeoutSeconds) {

  public State state(String name) {
    return states.get(name);
  }
}
