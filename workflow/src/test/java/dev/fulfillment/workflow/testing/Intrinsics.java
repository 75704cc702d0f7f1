package dev.fulfillment.workflow.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Resolves the few CloudFormation intrinsics a synthesized DefinitionString uses (Fn::Join, Ref, Fn::GetAtt and
 * the pseudo parameters) to plausible literal values, so the definition can be read and validated as plain ASL.
 */
public final class Intrinsics {

  static final String PARTITION = "aws";
  static final String REGION = "us-east-1";
  static final String ACCOUNT = "123456789012";

  private Intrinsics() {
  }

  /** The string a DefinitionString-like value stands for. */
  public static String resolve(JsonNode value) {
    if (value.isTextual()) {
      return value.asText();
    }
    if (value.has("Fn::Join")) {
      JsonNode join = value.get("Fn::Join");
      String separator = join.get(0).asText();
      return StreamSupport.stream(join.get(1).spliterator(), false)
          .map(Intrinsics::resolve)
          .collect(Collectors.joining(separator));
    }
    if (value.has("Ref")) {
      return ref(value.get("Ref").asText());
    }
    if (value.has("Fn::GetAtt")) {
      JsonNode getAtt = value.get("Fn::GetAtt");
      return lambdaArn(getAtt.get(0).asText());
    }
    throw new IllegalArgumentException("unsupported intrinsic in definition: " + value);
  }

  private static String ref(String name) {
    return switch (name) {
      case "AWS::Partition" -> PARTITION;
      case "AWS::Region" -> REGION;
      case "AWS::AccountId" -> ACCOUNT;
      case "AWS::URLSuffix" -> "amazonaws.com";
      // A Ref to a Lambda alias or function is its ARN; these are the only resources the definition refers to.
      default -> lambdaArn(name);
    };
  }

  private static String lambdaArn(String logicalId) {
    return "arn:" + PARTITION + ":lambda:" + REGION + ":" + ACCOUNT + ":function:" + logicalId;
  }
}
