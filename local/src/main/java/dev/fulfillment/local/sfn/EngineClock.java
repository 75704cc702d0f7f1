package dev.fulfillment.local.sfn;

import dev.fulfillment.local.sfn.clock.SystemClock;
import dev.fulfillment.local.sfn.clock.VirtualClock;
import java.time.Instant;

/**
 * The engine's time and its scheduler in one: every piece of engine work runs through {@link #execute} or
 * {@link #schedule}, so a virtual clock can tell when the engine is idle and jump to the next timer. No thread
 * is held while an execution waits (Wait states, retry back-off, timeouts are timers).
 */
public interface EngineClock extends AutoCloseable {
  Instant now();

  /** Runs {@code work} soon on an engine thread. */
  void execute(Runnable work);

  /** Runs {@code work} on an engine thread once the clock reaches {@code at}; the handle cancels it. */
  Timer schedule(Instant at, Runnable work);

  /** Stops the threads behind the clock; pending timers never fire. */
  @Override
  void close();

  /** A scheduled piece of work that can still be cancelled. */
  interface Timer {
    void cancel();
  }

  /** Real time: timers fire at wall-clock instants. */
  static EngineClock system() {
    return new SystemClock();
  }

  /**
   * Virtual time starting at the current instant: whenever no engine work is running, the clock jumps to the
   * earliest timer. History timestamps advance by the virtual amount.
   */
  static EngineClock virtual() {
    return new VirtualClock(Instant.now(), true);
  }

  /** Virtual time starting at {@code start}, jumping to the next timer when idle. */
  static EngineClock virtual(Instant start) {
    return new VirtualClock(start, true);
  }
}
