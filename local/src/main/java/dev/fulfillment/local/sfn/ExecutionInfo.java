package dev.fulfillment.local.sfn;

import java.time.Instant;

/**
 * What DescribeExecution returns. {@code stopDate} is null while running; {@code output} is null unless the
 * execution SUCCEEDED; {@code redriveDate}/{@code redriveStatus} follow AWS's redrive fields.
 */
public record ExecutionInfo(String executionArn, String stateMachineArn, String name, ExecutionStatus status,
                            Instant startDate, Instant stopDate, String input, String output, String error, String cause,
                            int redriveCount, Instant redriveDate, String redriveStatus) {}
