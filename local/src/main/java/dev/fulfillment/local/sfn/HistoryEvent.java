package dev.fulfillment.local.sfn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One GetExecutionHistory event. {@code detailsKey} is the member name AWS uses for the details (for example
 * {@code "stateEnteredEventDetails"}), null when the event type has none; {@code details} holds exactly AWS's
 * {@code *EventDetails} members. Events are immutable once appended: callers must not modify {@code details}.
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, String type, String detailsKey,
                           ObjectNode details) {}
