package dev.fulfillment.local.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpApiRouteTest {
  private static HttpApiRoute route(String key) {
    return new HttpApiRoute(key, "fn", Duration.ofSeconds(30));
  }

  @Test
  void aPathVariableMatchesOneSegmentAndBecomesAPathParameter() {
    assertThat(route("GET /orders/{orderId}").match("GET", List.of("orders", "ord_1")))
        .isEqualTo(Map.of("orderId", "ord_1"));
    assertThat(route("GET /orders/{orderId}").match("GET", List.of("orders", "ord_1", "x"))).isNull();
    assertThat(route("GET /orders/{orderId}").match("POST", List.of("orders", "ord_1"))).isNull();
  }

  @Test
  void aGreedyVariableTakesTheRestOfThePathAndAnyMatchesEveryMethod() {
    assertThat(route("ANY /files/{proxy+}").match("DELETE", List.of("files", "a", "b")))
        .isEqualTo(Map.of("proxy", "a/b"));
    assertThat(route("ANY /files/{proxy+}").match("GET", List.of("files"))).isNull();
  }

  @Test
  void theMostSpecificRouteComesFirstAndTheDefaultRouteLast() {
    List<HttpApiRoute> sorted = List.of(route("$default"), route("ANY /orders/{proxy+}"), route("GET /orders/{id}"),
            route("GET /orders/latest"))
        .stream().sorted(java.util.Comparator.comparingInt(HttpApiRoute::specificity)).toList();

    assertThat(sorted).extracting(HttpApiRoute::routeKey)
        .containsExactly("GET /orders/latest", "GET /orders/{id}", "ANY /orders/{proxy+}", "$default");
  }
}
