package dev.fulfillment.local.sfn.definition;

import java.util.List;

/**
 * One Retry entry with the ASL defaults applied: IntervalSeconds 1, MaxAttempts 3, BackoffRate 2.0, no
 * MaxDelaySeconds (null), JitterStrategy NONE.
 */
public record Retrier(List<String> errorEquals, int intervalSeconds, int maxAttempts, double backoffRate,
                      Integer maxDelaySeconds, boolean fullJitter) {}
