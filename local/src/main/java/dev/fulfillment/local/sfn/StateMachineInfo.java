package dev.fulfillment.local.sfn;

import java.time.Instant;

/** What DescribeStateMachine returns. */
public record StateMachineInfo(String stateMachineArn, String name, String definition, String roleArn, String type,
                               String status, Instant creationDate, Instant updateDate, String revisionId) {}
