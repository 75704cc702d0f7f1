package dev.fulfillment.local.sfn.runtime;

import dev.fulfillment.local.sfn.LoggingSettings;
import dev.fulfillment.local.sfn.StateMachineInfo;
import dev.fulfillment.local.sfn.definition.StateMachineDefinition;
import java.time.Instant;

/** A state machine as stored: its definition text (echoed back as sent) and its parsed form. */
record Machine(String arn, String name, String definitionText, StateMachineDefinition definition, String roleArn,
               String type, LoggingSettings logging, Instant creationDate, Instant updateDate, String revisionId) {

  StateMachineInfo info() {
    return new StateMachineInfo(arn, name, definitionText, roleArn, type, "ACTIVE", creationDate, updateDate, revisionId);
  }

  boolean express() {
    return "EXPRESS".equals(type);
  }
}
