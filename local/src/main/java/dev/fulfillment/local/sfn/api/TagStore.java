package dev.fulfillment.local.sfn.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tags of state machines, kept by the API layer (the engine has no notion of them). AWS allows at most 50 tags per
 * resource ({@code TooManyTags} beyond); tagging an existing key replaces its value.
 */
final class TagStore {
  static final int MAX_TAGS = 50;

  private final Map<String, Map<String, String>> tags = new ConcurrentHashMap<>();

  /** Adds or replaces {@code added}; TooManyTags (and nothing changes) when the resource would exceed the limit. */
  void tag(String resourceArn, Map<String, String> added) {
    tags.compute(resourceArn, (arn, current) -> {
      Map<String, String> next = current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current);
      next.putAll(added);
      if (next.size() > MAX_TAGS) {
        throw ApiException.sfn("TooManyTags",
            "Too many tags: a resource can have at most " + MAX_TAGS + " tags", resourceArn);
      }
      return next;
    });
  }

  void untag(String resourceArn, Iterable<String> keys) {
    tags.computeIfPresent(resourceArn, (arn, current) -> {
      Map<String, String> next = new LinkedHashMap<>(current);
      keys.forEach(next::remove);
      return next.isEmpty() ? null : next;
    });
  }

  Map<String, String> list(String resourceArn) {
    return tags.getOrDefault(resourceArn, Map.of());
  }

  void forget(String resourceArn) {
    tags.remove(resourceArn);
  }
}
