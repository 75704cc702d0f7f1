package dev.fulfillment.local.sfn.api;

import java.util.List;

/**
 * An error answered in the AWS JSON 1.0 shape: HTTP status, {@code __type} = {@code <namespace>#<code>} and
 * {@code message}. The SDKs keep only the part after {@code #} as the error code, so the namespace is cosmetic; it is
 * still the one AWS uses: Step Functions' own errors are {@code com.amazonaws.swf.service.v2.model}, errors of the
 * request framework (unknown operation, unparsable body, constraint violations) come from {@code com.amazon.coral}.
 */
final class ApiException extends RuntimeException {
  static final String SFN_NAMESPACE = "com.amazonaws.swf.service.v2.model";
  static final String CORAL_SERVICE = "com.amazon.coral.service";
  static final String CORAL_VALIDATE = "com.amazon.coral.validate";

  private final int status;
  private final String namespace;
  private final String code;
  private final String resourceName;

  ApiException(int status, String namespace, String code, String message, String resourceName) {
    super(message);
    this.status = status;
    this.namespace = namespace;
    this.code = code;
    this.resourceName = resourceName;
  }

  /** A Step Functions model error (InvalidArn, ExecutionDoesNotExist, ...): HTTP 400. */
  static ApiException sfn(String code, String message) {
    return new ApiException(400, SFN_NAMESPACE, code, message, null);
  }

  /** ResourceNotFound and TooManyTags also carry the ARN they are about ({@code resourceName}). */
  static ApiException sfn(String code, String message, String resourceName) {
    return new ApiException(400, SFN_NAMESPACE, code, message, resourceName);
  }

  static ApiException unknownOperation(String target) {
    return new ApiException(400, CORAL_SERVICE, "UnknownOperationException",
        target == null || target.isEmpty() ? "Missing X-Amz-Target header" : "Unknown operation " + target, null);
  }

  static ApiException serialization(String message) {
    return new ApiException(400, CORAL_SERVICE, "SerializationException", message, null);
  }

  static ApiException requestTooLarge(long limit) {
    return new ApiException(413, CORAL_SERVICE, "RequestEntityTooLargeException",
        "Request body is larger than " + limit + " bytes", null);
  }

  static ApiException internal(String message) {
    return new ApiException(500, CORAL_SERVICE, "InternalFailure", message, null);
  }

  /**
   * Constraint violations of the service model (required member missing, length, range, enum) are reported together,
   * as AWS does: {@code "2 validation errors detected: Value ... ; Value ..."}.
   */
  static ApiException validation(List<String> violations) {
    String head = violations.size() == 1 ? "1 validation error detected: "
        : violations.size() + " validation errors detected: ";
    return new ApiException(400, CORAL_VALIDATE, "ValidationException", head + String.join("; ", violations), null);
  }

  /** The model's own ValidationException (for example a qualified ARN an operation does not take). */
  static ApiException validationMessage(String message) {
    return new ApiException(400, SFN_NAMESPACE, "ValidationException", message, null);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  String type() {
    return namespace + "#" + code;
  }

  String resourceName() {
    return resourceName;
  }
}
