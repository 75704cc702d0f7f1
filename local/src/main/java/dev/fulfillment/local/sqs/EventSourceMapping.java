package dev.fulfillment.local.sqs;

import java.time.Duration;

/**
 * An SQS event source mapping ({@code AWS::Lambda::EventSourceMapping} on a queue), resolved to local values.
 *
 * @param batchSize {@code BatchSize} (default 10)
 * @param batchingWindow {@code MaximumBatchingWindowInSeconds} (default 0)
 * @param maximumConcurrency {@code ScalingConfig.MaximumConcurrency}: concurrent invocations at most (default: as
 *     many as there are pollers, 5)
 * @param reportBatchItemFailures whether {@code FunctionResponseTypes} holds {@code ReportBatchItemFailures}
 */
public record EventSourceMapping(String queueUrl, String queueArn, String functionName, int batchSize,
                                 Duration batchingWindow, int maximumConcurrency, boolean reportBatchItemFailures,
                                 boolean enabled) {}
