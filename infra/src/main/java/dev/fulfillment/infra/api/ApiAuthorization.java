package dev.fulfillment.infra.api;

import java.util.List;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpIamAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.constructs.Node;

/**
 * Who may call the HTTP API: signed IAM requests (the default), JWTs from an issuer, or anyone (an explicit opt-out
 * for demos). Chosen with the CDK context value {@code auth} = {@code iam} | {@code jwt} | {@code none}; {@code jwt}
 * also needs {@code jwtIssuer} and {@code jwtAudience} (comma-separated).
 */
public record ApiAuthorization(Mode mode, String jwtIssuer, List<String> jwtAudience) {

  public enum Mode { IAM, JWT, NONE }

  public ApiAuthorization {
    if (mode == Mode.JWT && (jwtIssuer == null || jwtIssuer.isBlank() || jwtAudience == null
        || jwtAudience.isEmpty())) {
      throw new IllegalArgumentException("auth=jwt needs the context values jwtIssuer and jwtAudience");
    }
    jwtAudience = jwtAudience == null ? List.of() : List.copyOf(jwtAudience);
  }

  public static ApiAuthorization iam() {
    return new ApiAuthorization(Mode.IAM, null, List.of());
  }

  public static ApiAuthorization jwt(String issuer, List<String> audience) {
    return new ApiAuthorization(Mode.JWT, issuer, audience);
  }

  public static ApiAuthorization none() {
    return new ApiAuthorization(Mode.NONE, null, List.of());
  }

  /** Reads {@code auth}, {@code jwtIssuer}, {@code jwtAudience} from the CDK context ({@code -c auth=jwt ...}). */
  public static ApiAuthorization fromContext(Node node) {
    String auth = text(node.tryGetContext("auth"));
    return switch (auth == null ? "iam" : auth.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "iam" -> iam();
      case "jwt" -> {
        String audience = text(node.tryGetContext("jwtAudience"));
        yield jwt(text(node.tryGetContext("jwtIssuer")),
            audience == null ? List.of() : List.of(audience.split("\\s*,\\s*")));
      }
      case "none" -> none();
      default -> throw new IllegalArgumentException("context auth must be iam, jwt or none, not " + auth);
    };
  }

  IHttpRouteAuthorizer authorizer() {
    return switch (mode) {
      case IAM -> new HttpIamAuthorizer();
      case JWT -> HttpJwtAuthorizer.Builder.create("JwtAuthorizer", jwtIssuer).jwtAudience(jwtAudience).build();
      case NONE -> new HttpNoneAuthorizer();
    };
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
