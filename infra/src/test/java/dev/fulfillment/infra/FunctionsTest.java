package dev.fulfillment.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each function's configuration and permissions, against the case table stack/functions.json. */
class FunctionsTest {

  private final StackFixture stack = StackFixture.iam();

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void runsItsHandlerOnJava21WithItsLimitsAndEnvironment(String name, JsonNode expected) {
    JsonNode function = stack.resource(stack.logicalId("AWS::Lambda::Function", name + "Function")).get("Properties");

    assertThat(function.get("Handler").asText()).isEqualTo(expected.get("handler").asText());
    assertThat(function.get("Runtime").asText()).isEqualTo("java21");
    assertThat(function.get("Timeout").asInt()).isEqualTo(expected.get("timeout").asInt());
    assertThat(function.get("MemorySize").asInt()).isEqualTo(expected.get("memory").asInt());
    assertThat(TestJson.names(function.at("/Environment/Variables")))
        .containsExactlyInAnyOrderElementsOf(TestJson.texts(expected.get("environment")));
    assertThat(function.at("/Environment/Variables/JAVA_TOOL_OPTIONS").asText())
        .isEqualTo("-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
    assertThat(function.at("/TracingConfig/Mode").asText()).isEqualTo("Active");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void usesSnapStartThroughALiveAliasOnAPublishedVersion(String name, JsonNode expected) {
    JsonNode function = stack.resource(stack.logicalId("AWS::Lambda::Function", name + "Function")).get("Properties");
    assertThat(function.at("/SnapStart/ApplyOn").asText()).isEqualTo("PublishedVersions");

    JsonNode alias = stack.resource(stack.logicalId("AWS::Lambda::Alias", name + "Alias")).get("Properties");
    String version = stack.logicalId("AWS::Lambda::Version", name + "FunctionCurrentVersion");
    assertThat(alias.get("Name").asText()).isEqualTo("live");
    assertThat(alias.at("/FunctionVersion/Fn::GetAtt/0").asText()).isEqualTo(version);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void keepsItsLogsForAMonth(String name, JsonNode expected) {
    JsonNode function = stack.resource(stack.logicalId("AWS::Lambda::Function", name + "Function")).get("Properties");
    String logGroup = stack.logicalId("AWS::Logs::LogGroup", name + "Logs");
    assertThat(function.at("/LoggingConfig/LogGroup/Ref").asText()).isEqualTo(logGroup);
    assertThat(stack.resource(logGroup).at("/Properties/RetentionInDays").asInt()).isEqualTo(30);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void mayOnlyPerformTheTableActionsItsHandlerUses(String name, JsonNode expected) {
    JsonNode policy = stack.resource(stack.logicalId("AWS::IAM::Policy", name + "FunctionServiceRoleDefaultPolicy"));
    Map<String, TreeSet<String>> tableActions = new TreeMap<>();
    List<String> otherActions = new ArrayList<>();
    for (JsonNode statement : policy.at("/Properties/PolicyDocument/Statement")) {
      List<String> actions = TestJson.texts(statement.get("Action"));
      if (actions.stream().anyMatch(action -> action.startsWith("dynamodb:"))) {
        JsonNode resource = statement.get("Resource");
        assertThat(resource.isObject()).as("one table per statement, no index wildcard: %s", statement).isTrue();
        String table = tableName(resource.at("/Fn::GetAtt/0").asText());
        tableActions.computeIfAbsent(table, t -> new TreeSet<>()).addAll(actions);
      } else if (actions.stream().noneMatch(action -> action.startsWith("xray:"))) {
        otherActions.addAll(actions);
      }
    }

    Map<String, TreeSet<String>> expectedTables = new TreeMap<>();
    expected.get("tables").fields().forEachRemaining(e ->
        expectedTables.put(e.getKey(), new TreeSet<>(TestJson.texts(e.getValue()))));
    assertThat(tableActions).isEqualTo(expectedTables);
    assertThat(new TreeSet<>(otherActions)).containsExactlyInAnyOrderElementsOf(TestJson.texts(expected.get("other")));
  }

  /** "TablesInventoryF8594D2C" -> "Inventory". */
  private String tableName(String logicalId) {
    for (String table : List.of("Orders", "Inventory", "Payments")) {
      if (logicalId.startsWith("Tables" + table)) {
        return table;
      }
    }
    throw new AssertionError("not one of the three tables: " + logicalId);
  }

  static Stream<Arguments> functions() {
    JsonNode table = TestJson.resource("stack/functions.json");
    return TestJson.names(table).stream().map(name -> Arguments.of(name, table.get(name)));
  }
}
