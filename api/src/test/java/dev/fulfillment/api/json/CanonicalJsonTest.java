package dev.fulfillment.api.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  @Test
  void writesTheSameTextWhateverTheKeyOrderAndSpacing() throws Exception {
    String a = CanonicalJson.write(Json.mapper().readTree("{\"b\": {\"y\": 1, \"x\": [ {\"d\":2,\"c\":\"é\"} ]}, \"a\": null}"));
    String b = CanonicalJson.write(Json.mapper().readTree("{\"a\":null,\"b\":{\"x\":[{\"c\":\"é\",\"d\":2}],\"y\":1}}"));

    assertThat(a).isEqualTo(b).isEqualTo("{\"a\":null,\"b\":{\"x\":[{\"c\":\"é\",\"d\":2}],\"y\":1}}");
  }

  @Test
  void keepsArrayOrderBecauseItCanCarryMeaning() throws Exception {
    assertThat(CanonicalJson.sha256(Json.mapper().readTree("[1,2]")))
        .isNotEqualTo(CanonicalJson.sha256(Json.mapper().readTree("[2,1]")))
        .matches("[0-9a-f]{64}");
  }
}
