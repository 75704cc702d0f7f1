package dev.fulfillment.local.sfn.history;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulfillment.local.sfn.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * An execution's append-only event list; ids start at 1 and never change. Thread-safe. Details may be given as a
 * builder, run once when the event is first read: most histories are written far more often than read, and the
 * details' object trees are a good part of the cost of a state transition.
 */
public final class History {
  /** Each element is a {@link HistoryEvent} or a {@link Pending} one (replaced by its event once read). */
  private final List<Object> events = new ArrayList<>();

  private record Pending(long id, long previousEventId, Instant timestamp, String type, String detailsKey,
                         Supplier<ObjectNode> details) {
    HistoryEvent event() {
      return new HistoryEvent(id, previousEventId, timestamp, type, detailsKey, details.get());
    }
  }

  /** Appends an event and returns its id. {@code details} must not be modified afterwards. */
  public synchronized long append(long previousEventId, Instant timestamp, String type, String detailsKey,
                                  ObjectNode details) {
    long id = events.size() + 1L;
    events.add(new HistoryEvent(id, previousEventId, timestamp, type, detailsKey, details));
    return id;
  }

  /**
   * Appends an event whose details {@code details} builds when the event is first read (from values that do not
   * change: the builder must give the same details whenever it runs). Returns the event's id.
   */
  public synchronized long appendLazy(long previousEventId, Instant timestamp, String type, String detailsKey,
                                      Supplier<ObjectNode> details) {
    long id = events.size() + 1L;
    events.add(new Pending(id, previousEventId, timestamp, type, detailsKey, details));
    return id;
  }

  public synchronized List<HistoryEvent> snapshot() {
    List<HistoryEvent> out = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      out.add(event(i));
    }
    return out;
  }

  public synchronized HistoryEvent last() {
    return events.isEmpty() ? null : event(events.size() - 1);
  }

  /** The last event's id, 0 when there is none. */
  public synchronized long lastId() {
    return events.size();
  }

  public synchronized int size() {
    return events.size();
  }

  private HistoryEvent event(int index) {
    Object entry = events.get(index);
    if (entry instanceof Pending pending) {
      HistoryEvent event = pending.event();
      events.set(index, event);
      return event;
    }
    return (HistoryEvent) entry;
  }
}
