package dev.fulfillment.local.sfn.clock;

import dev.fulfillment.local.sfn.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Virtual time. Work runs on virtual threads; the clock counts work in flight, and when the count drops to
 * zero (the engine is idle: every execution waits for a timer or for an outside call) it jumps to the earliest
 * timer and runs it. With {@code advanceWhenIdle = false} time only moves through {@link #advance}, which lets a
 * test act "before" a timeout fires (for example answer a task token).
 */
public final class VirtualClock implements EngineClock {
  private record Pending(Instant at, long seq, Runnable work, boolean[] cancelled) {}

  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final PriorityQueue<Pending> timers = new PriorityQueue<>((a, b) -> {
    int byTime = a.at.compareTo(b.at);
    return byTime != 0 ? byTime : Long.compare(a.seq, b.seq);
  });
  private final AtomicLong sequence = new AtomicLong();
  private final boolean advanceWhenIdle;
  /** Written under the lock, read without it: every history event and state entry asks for the time. */
  private volatile Instant now;
  private int inFlight;
  private boolean closed;

  public VirtualClock(Instant start, boolean advanceWhenIdle) {
    this.now = start;
    this.advanceWhenIdle = advanceWhenIdle;
  }

  @Override
  public Instant now() {
    return now;
  }

  @Override
  public void execute(Runnable work) {
    synchronized (this) {
      if (closed) {
        return;
      }
      inFlight++;
    }
    workers.execute(() -> {
      try {
        work.run();
      } finally {
        finished();
      }
    });
  }

  @Override
  public Timer schedule(Instant at, Runnable work) {
    boolean[] cancelled = new boolean[1];
    synchronized (this) {
      timers.add(new Pending(at, sequence.incrementAndGet(), work, cancelled));
      if (inFlight == 0) {
        fireDue(advanceWhenIdle);
      }
    }
    return () -> {
      synchronized (VirtualClock.this) {
        cancelled[0] = true;
      }
    };
  }

  /** Moves time forward by {@code amount}, running every timer that falls due on the way. */
  public void advance(Duration amount) {
    synchronized (this) {
      Instant target = now.plus(amount);
      while (!timers.isEmpty() && !timers.peek().at.isAfter(target)) {
        Pending next = timers.poll();
        if (!next.cancelled[0]) {
          now = max(now, next.at);
          inFlight++;
          workers.execute(() -> runTimer(next));
          // Let the fired work finish (and schedule follow-ups) before looking at later timers.
          awaitIdle();
        }
      }
      now = max(now, target);
    }
  }

  /** Blocks until no engine work is running (timers may still be pending). */
  public synchronized void awaitIdle() {
    while (inFlight > 0) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void runTimer(Pending pending) {
    try {
      pending.work.run();
    } finally {
      finished();
    }
  }

  private synchronized void finished() {
    inFlight--;
    if (inFlight == 0) {
      fireDue(advanceWhenIdle);
      notifyAll();
    }
  }

  /** Called with the lock held and nothing in flight: runs due timers, or jumps to the next one if allowed. */
  private void fireDue(boolean jump) {
    while (!timers.isEmpty() && !closed) {
      Pending next = timers.peek();
      if (next.cancelled[0]) {
        timers.poll();
        continue;
      }
      if (next.at.isAfter(now) && !jump) {
        return;
      }
      timers.poll();
      now = max(now, next.at);
      inFlight++;
      workers.execute(() -> runTimer(next));
      return;
    }
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      timers.clear();
    }
    workers.shutdownNow();
  }
}
