package dev.fulfillment.infra.api;

import dev.fulfillment.infra.nag.NagSuppressions;
import java.util.List;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/** The HTTP API: {@code POST /orders} and {@code GET /orders/{orderId}}, both served by the HTTP API function. */
public final class OrdersHttpApi extends Construct {

  /** Steady requests per second and burst the default stage accepts before answering 429. */
  public static final int RATE_LIMIT = 50;
  public static final int BURST_LIMIT = 100;

  private final HttpApi api;
  private final HttpStage stage;

  public OrdersHttpApi(Construct scope, String id, IFunction handler, ApiAuthorization authorization) {
    super(scope, id);
    this.api = HttpApi.Builder.create(this, "Api")
        .description("Orders: submit and look up")
        // The stage is made below, to give it throttling and access logs.
        .createDefaultStage(false)
        .build();

    LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs").retention(RetentionDays.ONE_MONTH).build();
    this.stage = HttpStage.Builder.create(this, "DefaultStage")
        .httpApi(api)
        .stageName("$default")
        .autoDeploy(true)
        .throttle(ThrottleSettings.builder().rateLimit(RATE_LIMIT).burstLimit(BURST_LIMIT).build())
        .accessLogSettings(new AccessLogs(new LogGroupLogDestination(accessLogs)))
        .build();

    HttpLambdaIntegration integration = new HttpLambdaIntegration("OrdersIntegration", handler);
    IHttpRouteAuthorizer authorizer = authorization.authorizer();
    api.addRoutes(AddRoutesOptions.builder()
        .path("/orders").methods(List.of(HttpMethod.POST))
        .integration(integration).authorizer(authorizer)
        .build());
    api.addRoutes(AddRoutesOptions.builder()
        .path("/orders/{orderId}").methods(List.of(HttpMethod.GET))
        .integration(integration).authorizer(authorizer)
        .build());

    if (authorization.mode() == ApiAuthorization.Mode.NONE) {
      NagSuppressions.suppress(api, "AwsSolutions-APIG4",
          "Authorization was switched off on purpose with the context value auth=none (demos only).");
    }
  }

  public HttpApi api() {
    return api;
  }

  /** The invoke URL of the default stage, ending in a slash. */
  public String url() {
    return stage.getUrl();
  }

  /** One JSON line per request, with the fields needed to follow a request into the function's logs. */
  // A class with getters only: jsii maps getDestination/getFormat to the interface's properties and refuses any
  // other method of the same name (a record's destination() accessor would be one).
  private static final class AccessLogs implements IAccessLogSettings {
    private final IAccessLogDestination logDestination;

    AccessLogs(IAccessLogDestination logDestination) {
      this.logDestination = logDestination;
    }

    @Override
    public IAccessLogDestination getDestination() {
      return logDestination;
    }

    @Override
    public AccessLogFormat getFormat() {
      return AccessLogFormat.custom("{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
          + "\"requestTime\":\"$context.requestTime\",\"routeKey\":\"$context.routeKey\","
          + "\"status\":\"$context.status\",\"responseLength\":\"$context.responseLength\","
          + "\"integrationError\":\"$context.integrationErrorMessage\"}");
    }
  }
}
