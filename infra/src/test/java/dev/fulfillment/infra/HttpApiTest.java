package dev.fulfillment.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulfillment.infra.api.ApiAuthorization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The orders HTTP API: routes, authorization per context value, throttling, integration with the alias. */
class HttpApiTest {

  @ParameterizedTest(name = "auth={0} -> {1}")
  @CsvSource({"IAM,AWS_IAM", "JWT,JWT", "NONE,NONE"})
  void servesTheTwoOrderRoutesWithTheChosenAuthorization(ApiAuthorization.Mode mode, String authorizationType) {
    StackFixture stack = StackFixture.with(mode);
    List<String> routeKeys = new ArrayList<>();
    for (Map<String, Object> route : stack.template.findResources("AWS::ApiGatewayV2::Route").values()) {
      JsonNode properties = StackFixture.JSON.valueToTree(route).get("Properties");
      routeKeys.add(properties.get("RouteKey").asText());
      assertThat(properties.get("AuthorizationType").asText()).isEqualTo(authorizationType);
    }
    assertThat(routeKeys).containsExactlyInAnyOrder("POST /orders", "GET /orders/{orderId}");
  }

  @Test
  void aJwtAuthorizerChecksTheConfiguredIssuerAndAudience() {
    StackFixture stack = StackFixture.with(ApiAuthorization.Mode.JWT);
    stack.template.resourceCountIs("AWS::ApiGatewayV2::Authorizer", 1);
    stack.template.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", Map.of(
        "AuthorizerType", "JWT",
        "IdentitySource", List.of("$request.header.Authorization"),
        "JwtConfiguration", Map.of("Issuer", "https://issuer.example.com/", "Audience", List.of("orders-api"))));
  }

  @Test
  void theDefaultStageIsThrottledAndLogsEveryRequest() {
    StackFixture stack = StackFixture.iam();
    JsonNode stage = stack.resource(stack.logicalId("AWS::ApiGatewayV2::Stage", "OrdersApiDefaultStage"))
        .get("Properties");
    assertThat(stage.get("StageName").asText()).isEqualTo("$default");
    assertThat(stage.get("AutoDeploy").asBoolean()).isTrue();
    assertThat(stage.at("/DefaultRouteSettings/ThrottlingRateLimit").asInt()).isEqualTo(50);
    assertThat(stage.at("/DefaultRouteSettings/ThrottlingBurstLimit").asInt()).isEqualTo(100);
    assertThat(stage.at("/AccessLogSettings/DestinationArn/Fn::GetAtt/0").asText())
        .isEqualTo(stack.logicalId("AWS::Logs::LogGroup", "OrdersApiAccessLogs"));
    assertThat(stage.at("/AccessLogSettings/Format").asText()).contains("$context.requestId");
  }

  @Test
  void integratesWithTheHttpFunctionAliasUsingPayloadFormat2() {
    StackFixture stack = StackFixture.iam();
    String alias = stack.logicalId("AWS::Lambda::Alias", "HttpApiAlias");
    for (Map<String, Object> integration : stack.template.findResources("AWS::ApiGatewayV2::Integration").values()) {
      JsonNode properties = StackFixture.JSON.valueToTree(integration).get("Properties");
      assertThat(properties.get("IntegrationType").asText()).isEqualTo("AWS_PROXY");
      assertThat(properties.get("PayloadFormatVersion").asText()).isEqualTo("2.0");
      assertThat(properties.at("/IntegrationUri/Ref").asText()).isEqualTo(alias);
    }
  }
}
