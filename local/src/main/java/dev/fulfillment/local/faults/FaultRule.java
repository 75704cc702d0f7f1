package dev.fulfillment.local.faults;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One line of the faults file.
 *
 * @param target a glob ({@code *} = any run of characters, {@code |} between alternatives) on what the fault applies to: the function name for the
 *     lambda kinds, the operation (PutItem, TransactWriteItems, ...) for the DynamoDB kinds, the queue URL for
 *     sqs-duplicate; {@code *} for everything
 * @param rate the probability, from 0 to 1, that a matching call is faulted
 */
public record FaultRule(FaultKind kind, String target, double rate) {

  public FaultRule {
    Objects.requireNonNull(kind, "kind");
    target = target == null || target.isBlank() ? "*" : target;
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("rate of " + kind.id() + " must be from 0 to 1, got " + rate);
    }
  }

  public boolean matches(String name) {
    String regex = Arrays.stream(target.split("\\|")).map(glob -> Arrays.stream(glob.strip().split("\\*", -1))
        .map(Pattern::quote).collect(Collectors.joining(".*"))).collect(Collectors.joining("|"));
    return name != null && Pattern.matches(regex, name);
  }
}
