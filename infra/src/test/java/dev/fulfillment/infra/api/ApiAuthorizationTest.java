package dev.fulfillment.infra.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/** The {@code auth} context value and its JWT companions. */
class ApiAuthorizationTest {

  @Test
  void defaultsToIamWhenNothingIsSaid() {
    assertThat(read(Map.of()).mode()).isEqualTo(ApiAuthorization.Mode.IAM);
  }

  @Test
  void readsJwtIssuerAndCommaSeparatedAudiences() {
    ApiAuthorization auth = read(Map.of("auth", "jwt", "jwtIssuer", "https://id.example.com/",
        "jwtAudience", "orders, admin"));
    assertThat(auth.mode()).isEqualTo(ApiAuthorization.Mode.JWT);
    assertThat(auth.jwtIssuer()).isEqualTo("https://id.example.com/");
    assertThat(auth.jwtAudience()).containsExactly("orders", "admin");
  }

  @Test
  void refusesJwtWithoutAnIssuer() {
    assertThatThrownBy(() -> read(Map.of("auth", "jwt", "jwtAudience", "orders")))
        .hasMessageContaining("jwtIssuer");
  }

  @Test
  void refusesAnUnknownMode() {
    assertThatThrownBy(() -> read(Map.of("auth", "open"))).hasMessageContaining("iam, jwt or none");
  }

  @Test
  void noneIsAnExplicitOptOut() {
    assertThat(read(Map.of("auth", "NONE"))).isEqualTo(new ApiAuthorization(ApiAuthorization.Mode.NONE, null,
        List.of()));
  }

  private static ApiAuthorization read(Map<String, Object> context) {
    return ApiAuthorization.fromContext(new App(AppProps.builder().context(context).build()).getNode());
  }
}
