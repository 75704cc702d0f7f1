package dev.fulfillment.local.sfn.history;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulfillment.local.sfn.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An execution's append-only event list; ids start at 1 and never change. Thread-safe. */
public final class History {
  private final List<HistoryEvent> events = new ArrayList<>();

  /** Appends an event and returns its id. {@code details} must not be modified afterwards. */
  public synchronized long append(long previousEventId, Instant timestamp, String type, String detailsKey,
                                  ObjectNode details) {
    long id = events.size() + 1L;
    events.add(new HistoryEvent(id, previousEventId, timestamp, type, detailsKey, details));
    return id;
  }

  public synchronized List<HistoryEvent> snapshot() {
    return List.copyOf(events);
  }

  public synchronized HistoryEvent last() {
    return events.isEmpty() ? null : events.get(events.size() - 1);
  }

  public synchronized int size() {
    return events.size();
  }
}
