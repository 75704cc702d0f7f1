package dev.fulfillment.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiConfigTest {

  @Test
  void readsTheEnvironmentWithA32KibDefaultBodyLimit() {
    ApiConfig config = ApiConfig.fromEnvironment(Map.of("ORDERS_TABLE", "orders", "STATE_MACHINE_ARN", "arn"));

    assertThat(config).isEqualTo(new ApiConfig("orders", "arn", null, 32 * 1024));
    assertThat(ApiConfig.fromEnvironment(Map.of("ORDERS_TABLE", "o", "STATE_MACHINE_ARN", "a", "DLQ_URL", "u",
        "MAX_BODY_BYTES", "1024"))).isEqualTo(new ApiConfig("o", "a", "u", 1024));
  }

  @Test
  void namesTheMissingOrBrokenSetting() {
    assertThatThrownBy(() -> ApiConfig.fromEnvironment(Map.of("ORDERS_TABLE", "o")))
        .hasMessageContaining("STATE_MACHINE_ARN");
    assertThatThrownBy(() -> ApiConfig.fromEnvironment(Map.of("ORDERS_TABLE", "o", "STATE_MACHINE_ARN", "a",
        "MAX_BODY_BYTES", "lots"))).hasMessageContaining("MAX_BODY_BYTES");
  }
}
