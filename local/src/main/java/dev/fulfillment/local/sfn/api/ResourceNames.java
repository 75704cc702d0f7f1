package dev.fulfillment.local.sfn.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names and ARNs as the Step Functions API Reference defines them.
 *
 * <p>Names (state machines, executions): 1-80 characters (the length is a model constraint, so a violation is a
 * ValidationException), and none of: white space, brackets {@code < > { } [ ]}, wildcards {@code ? *}, the special
 * characters {@code " # % \ ^ | ~ ` $ & , ; : /}, control characters U+0000-001F and U+007F-009F (a violation is
 * {@code InvalidName}).
 *
 * <p>ARNs: {@code arn:<partition>:states:<region>:<account>:stateMachine:<name>[:<version or alias>]} and
 * {@code arn:<partition>:states:<region>:<account>:execution:<stateMachine>:<execution>} (express executions use
 * {@code express:} and a trailing id). An ARN of the wrong form or resource type is {@code InvalidArn}.
 */
final class ResourceNames {
  private static final Pattern ARN = Pattern.compile(
      "arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b):states:([a-z0-9-]+):(\\d{12}):([A-Za-z]+):(.+)");
  private static final Pattern IAM_ROLE = Pattern.compile("arn:[a-z-]+:iam::\\d{12}:role/.+");

  private ResourceNames() {}

  /** The parts of a Step Functions ARN that the API layer needs. */
  record Arn(String partition, String region, String account, String resourceType, String resource) {}

  static boolean isValidName(String name) {
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c <= 0x1F || (c >= 0x7F && c <= 0x9F)
          || "<>{}[]?*\"#%\\^|~`$&,;:/".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  static void requireValidName(String name) {
    if (!isValidName(name)) {
      throw ApiException.sfn("InvalidName", "Invalid Name: '" + name + "'");
    }
  }

  static Arn parse(String arn) {
    Matcher m = ARN.matcher(arn);
    if (!m.matches()) {
      throw ApiException.sfn("InvalidArn", "Invalid Arn: '" + arn + "'");
    }
    return new Arn(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5));
  }

  /**
   * A state machine ARN. Returns it without the {@code #TestCaseName} suffix Step Functions Local uses to pick a
   * mock-config test case, which StartExecution and StartSyncExecution accept ({@code allowTestCase}).
   */
  static String stateMachineArn(String arn, boolean allowTestCase) {
    String bare = arn;
    int hash = arn.indexOf('#');
    if (allowTestCase && hash >= 0) {
      bare = arn.substring(0, hash);
      if (hash == arn.length() - 1) {
        throw ApiException.sfn("InvalidArn", "Invalid Arn: 'Empty test case name: " + arn + "'");
      }
    }
    Arn parsed = parse(bare);
    if (!parsed.resourceType().equals("stateMachine")) {
      throw ApiException.sfn("InvalidArn",
          "Invalid Arn: 'Resource type not valid in this context: " + parsed.resourceType() + "'");
    }
    String[] parts = parsed.resource().split(":", -1);
    String machine = parts[0].split("/", -1)[0];
    if (parts.length > 2 || machine.isEmpty() || !isValidName(machine) || parts[parts.length - 1].isEmpty()) {
      throw ApiException.sfn("InvalidArn", "Invalid Arn: '" + arn + "'");
    }
    return bare;
  }

  /** True for ARNs naming a version or alias ({@code stateMachine:<name>:<qualifier>}) or a map label. */
  static boolean isQualified(String stateMachineArn) {
    String resource = parse(stateMachineArn).resource();
    return resource.contains(":") || resource.contains("/");
  }

  static String executionArn(String arn) {
    Arn parsed = parse(arn);
    if (!parsed.resourceType().equals("execution") && !parsed.resourceType().equals("express")) {
      throw ApiException.sfn("InvalidArn",
          "Invalid Arn: 'Resource type not valid in this context: " + parsed.resourceType() + "'");
    }
    String[] parts = parsed.resource().split(":", -1);
    if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty() || !isValidName(parts[0])
        || !isValidName(parts[1])) {
      throw ApiException.sfn("InvalidArn", "Invalid Arn: '" + arn + "'");
    }
    return arn;
  }

  /** The state machine ARN an execution ARN belongs to (the part before the execution name). */
  static String stateMachineOf(String executionArn) {
    Arn parsed = parse(executionArn);
    String smName = parsed.resource().split(":", -1)[0];
    return "arn:" + parsed.partition() + ":states:" + parsed.region() + ":" + parsed.account() + ":stateMachine:"
        + smName;
  }

  /** An IAM role ARN, as CreateStateMachine and UpdateStateMachine take it. */
  static void requireRoleArn(String arn) {
    if (!IAM_ROLE.matcher(arn).matches()) {
      throw ApiException.sfn("InvalidArn", "Invalid Arn: 'Invalid role ARN: " + arn + "'");
    }
  }
}
