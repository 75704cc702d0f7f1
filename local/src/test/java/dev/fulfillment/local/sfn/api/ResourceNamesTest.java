package dev.fulfillment.local.sfn.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"ord_123-abc", "Order.Flow", "ÄÖÜ-ünïcödé", "x", "a(b)c!@'=+"})
  void acceptsNamesWithoutForbiddenCharacters(String name) {
    assertThat(ResourceNames.isValidName(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b", "a\tb", "a\u00a0b", "<a>", "{a}", "[a]", "a?", "a*", "a\"b", "a#b", "a%b", "a\\b",
      "a^b", "a|b", "a~b", "a`b", "a$b", "a&b", "a,b", "a;b", "a:b", "a/b", "a\u0000b", "a\u001fb", "a\u007fb",
      "a\u009fb"})
  void rejectsWhiteSpaceBracketsWildcardsSpecialAndControlCharacters(String name) {
    assertThat(ResourceNames.isValidName(name)).isFalse();
  }

  @Test
  void separatesTheTestCaseFromAStateMachineArn() {
    assertThat(ResourceNames.stateMachineArn("arn:aws:states:us-east-1:123456789012:stateMachine:m#HappyPath", true))
        .isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:m");
    assertThatThrownBy(() ->
        ResourceNames.stateMachineArn("arn:aws:states:us-east-1:123456789012:stateMachine:m#T", false))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("InvalidArn"));
  }

  @Test
  void findsTheStateMachineOfAnExecution() {
    assertThat(ResourceNames.stateMachineOf("arn:aws:states:eu-west-1:123456789012:execution:orders:ord-1"))
        .isEqualTo("arn:aws:states:eu-west-1:123456789012:stateMachine:orders");
  }

  @ParameterizedTest
  @ValueSource(strings = {"arn:aws:states:us-east-1:123456789012:execution:m", "arn:aws:states:us-east-1:1234:execution:m:e",
      "arn:aws:sqs:us-east-1:123456789012:execution:m:e", "execution:m:e", ""})
  void rejectsMalformedExecutionArns(String arn) {
    assertThatThrownBy(() -> ResourceNames.executionArn(arn))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("InvalidArn"));
  }
}
