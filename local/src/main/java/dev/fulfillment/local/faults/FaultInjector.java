package dev.fulfillment.local.faults;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Decides, call by call, whether to inject a fault, and counts what it injected by kind.
 *
 * <p>Replayable under concurrency: a decision does not come from one shared random sequence (whose order would
 * depend on thread scheduling) but from a generator seeded with the plan's seed, the kind, the target and the call's
 * subject (e.g. the invocation payload) together with how many times that same subject was seen before. So the n-th
 * attempt of the same call is faulted or not in every run with the same seed, whatever runs beside it.
 */
public final class FaultInjector {
  private final FaultPlan plan;
  private final Consumer<String> log;
  private final Map<FaultKind, AtomicLong> injected = new EnumMap<>(FaultKind.class);
  private final Map<String, AtomicLong> seen = new ConcurrentHashMap<>();

  public FaultInjector(FaultPlan plan, Consumer<String> log) {
    this.plan = plan;
    this.log = log;
    for (FaultKind kind : FaultKind.values()) {
      injected.put(kind, new AtomicLong());
    }
  }

  public static FaultInjector none() {
    return new FaultInjector(FaultPlan.none(), line -> { });
  }

  public FaultPlan plan() {
    return plan;
  }

  /**
   * @param target what the rule's glob is matched against (function name, DynamoDB operation, queue URL)
   * @param subject what identifies the call, the same on a retry (the payload, the request body, the message body)
   * @return true when the fault is to be injected now (and it is counted)
   */
  public boolean decide(FaultKind kind, String target, byte[] subject) {
    for (FaultRule rule : plan.rules()) {
      if (rule.kind() != kind || rule.rate() <= 0 || !rule.matches(target)) {
        continue;
      }
      long subjectHash = Arrays.hashCode(subject) * 0x9E3779B97F4A7C15L + subject.length;
      String key = kind.id() + '|' + target + '|' + subjectHash;
      long occurrence = seen.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
      long mixed = plan.seed();
      for (long part : new long[] {kind.ordinal(), target.hashCode(), subjectHash, occurrence}) {
        mixed = new SplittableRandom(mixed ^ part).nextLong();
      }
      if (new SplittableRandom(mixed).nextDouble() < rule.rate()) {
        injected.get(kind).incrementAndGet();
        log.accept("[faults] " + kind.id() + " on " + target + " (attempt " + occurrence + ")");
        return true;
      }
      return false;
    }
    return false;
  }

  public boolean decide(FaultKind kind, String target, String subject) {
    return decide(kind, target, subject.getBytes(StandardCharsets.UTF_8));
  }

  /** Faults injected so far, by kind id (every kind listed, zeros included). */
  public Map<String, Long> injectedByKind() {
    Map<String, Long> counts = new LinkedHashMap<>();
    injected.forEach((kind, count) -> counts.put(kind.id(), count.get()));
    return counts;
  }

  public long injectedTotal() {
    return injected.values().stream().mapToLong(AtomicLong::get).sum();
  }
}
