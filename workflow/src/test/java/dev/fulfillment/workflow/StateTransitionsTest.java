package dev.fulfillment.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The saga's paths: where each state goes on success and on each caught error (case tables in definition/). */
class StateTransitionsTest {

  private final JsonNode states = WorkflowFixture.shared().definition.get("States");

  @Test
  void startsByReservingStock() {
    assertThat(WorkflowFixture.shared().definition.get("StartAt").asText()).isEqualTo(StateNames.RESERVE_STOCK);
  }

  @Test
  void hasExactlyTheStatesOfTheCaseTable() {
    Set<String> expected = fieldNames(TestJson.resource("definition/transitions.json").get("states"));
    assertThat(fieldNames(states)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is a {1} going to {2}")
  @MethodSource("transitions")
  void goesToTheNextStateOnSuccess(String state, String type, String next) {
    JsonNode definition = states.get(state);
    assertThat(definition.get("Type").asText()).isEqualTo(type);
    if (next == null) {
      assertThat(definition.has("Next")).as("%s ends the execution", state).isFalse();
    } else {
      assertThat(definition.get("Next").asText()).isEqualTo(next);
    }
  }

  @ParameterizedTest(name = "{0} catches")
  @MethodSource("catches")
  void catchesErrorsByExactNameAndRoutesThemToTheirCompensation(String state, JsonNode expected) {
    JsonNode catches = states.get(state).get("Catch");
    assertThat(catches).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      JsonNode actual = catches.get(i);
      assertThat(texts(actual.get("ErrorEquals"))).as("%s Catch[%d] errors", state, i)
          .containsExactlyElementsOf(texts(expected.get(i).get("errors")));
      assertThat(actual.get("Next").asText()).as("%s Catch[%d] next", state, i)
          .isEqualTo(expected.get(i).get("next").asText());
      assertThat(fieldNames(actual.get("Assign"))).as("%s Catch[%d] assigns", state, i)
          .containsExactlyInAnyOrderElementsOf(texts(expected.get(i).get("assigns")));
    }
  }

  @Test
  void everyStateIsReachableFromTheStartThroughNextOrCatch() {
    Set<String> reached = new HashSet<>();
    Deque<String> toVisit = new ArrayDeque<>(List.of(StateNames.RESERVE_STOCK));
    while (!toVisit.isEmpty()) {
      String name = toVisit.pop();
      if (reached.add(name)) {
        JsonNode state = states.get(name);
        if (state.has("Next")) {
          toVisit.push(state.get("Next").asText());
        }
        state.path("Catch").forEach(c -> toVisit.push(c.get("Next").asText()));
      }
    }
    assertThat(reached).isEqualTo(fieldNames(states));
  }

  @Test
  void everyCompensationEndsInCompensationFailedWhenItFails() {
    for (String compensation : List.of(StateNames.REFUND_PAYMENT, StateNames.RELEASE_STOCK,
        StateNames.MARK_ORDER_FAILED)) {
      JsonNode catches = states.get(compensation).get("Catch");
      assertThat(catches).as(compensation).hasSize(1);
      assertThat(catches.get(0).get("Next").asText()).isEqualTo(StateNames.COMPENSATION_FAILED);
    }
  }

  static Stream<Arguments> transitions() {
    JsonNode table = TestJson.resource("definition/transitions.json").get("states");
    return fieldNames(table).stream().map(name -> {
      JsonNode next = table.get(name).get("next");
      return Arguments.of(name, table.get(name).get("type").asText(), next.isNull() ? null : next.asText());
    });
  }

  static Stream<Arguments> catches() {
    JsonNode table = TestJson.resource("definition/catches.json");
    return fieldNames(table).stream().map(name -> Arguments.of(name, table.get(name)));
  }

  static Set<String> fieldNames(JsonNode object) {
    Set<String> names = new LinkedHashSet<>();
    object.fieldNames().forEachRemaining(name -> {
      if (!name.startsWith("_")) {
        names.add(name);
      }
    });
    return names;
  }

  static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
