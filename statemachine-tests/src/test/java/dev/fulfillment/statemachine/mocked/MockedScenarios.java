package dev.fulfillment.statemachine.mocked;

import dev.fulfillment.local.sfn.MockConfig;
import java.nio.file.Path;

/** The mock configs of the mocked-task scenarios: the checked-in MockConfigFile, and Java-built ones. */
final class MockedScenarios {
  /** The checked-in file, in Step Functions Local's MockConfigFile format. */
  static final MockConfig FILE = MockConfig.load(Path.of("src/test/resources/mock-config.json"));

  static final String ORDER = """
      {"customerId":"c-1","lines":[{"quantity":2,"sku":"SKU-1"}],"orderId":"ord_1"}""";
  static final String LINES = "[{\"quantity\":2,\"sku\":\"SKU-1\"}]";

  static final String RESERVED = """
      {"StatusCode":200,"Payload":{"orderId":"ord_1","lines":[{"sku":"SKU-1","quantity":2,"unitPrice":1250}],
       "total":2500,"currency":"EUR"}}""";
  static final String CHARGED = """
      {"StatusCode":200,"Payload":{"orderId":"ord_1","chargeId":"ch_ord_1","amount":2500,"currency":"EUR",
       "status":"CHARGED"}}""";

  private MockedScenarios() {
  }

  /** The happy path and the declined card from {@link #FILE}, written in Java with {@link MockConfig#builder()}. */
  static MockConfig javaForm(String machine) {
    return MockConfig.builder().stateMachine(machine)
        .testCase("HappyPath")
        .state("ReserveStock", MockConfig.returning(RESERVED))
        .state("ChargePayment", MockConfig.returning(CHARGED))
        .state("ConfirmOrder", MockConfig.returning("{\"StatusCode\":200,\"Payload\":{\"orderId\":\"ord_1\","
            + "\"status\":\"CONFIRMED\"}}"))
        .testCase("PaymentDeclined")
        .state("ReserveStock", MockConfig.returning(RESERVED))
        .state("ChargePayment", MockConfig.throwing("dev.fulfillment.tasks.error.PaymentDeclinedException",
            "{\"errorMessage\":\"card declined: insufficient_funds\","
                + "\"errorType\":\"dev.fulfillment.tasks.error.PaymentDeclinedException\",\"stackTrace\":[]}"))
        .state("ReleaseStock", MockConfig.returning("{\"StatusCode\":200,\"Payload\":{\"orderId\":\"ord_1\","
            + "\"released\":[\"SKU-1\"]}}"))
        .state("MarkOrderFailed", MockConfig.returning("{\"StatusCode\":200,\"Payload\":{\"orderId\":\"ord_1\","
            + "\"status\":\"FAILED\"}}"))
        .build();
  }
}
