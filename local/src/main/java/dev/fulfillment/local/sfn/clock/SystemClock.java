package dev.fulfillment.local.sfn.clock;

import dev.fulfillment.local.sfn.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Wall-clock time; work runs on virtual threads, one platform thread only to fire timers. */
public final class SystemClock implements EngineClock {
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "sfn-timers");
    thread.setDaemon(true);
    return thread;
  });

  @Override
  public Instant now() {
    return Instant.now();
  }

  @Override
  public void execute(Runnable work) {
    workers.execute(work);
  }

  @Override
  public Timer schedule(Instant at, Runnable work) {
    long delayNanos = Math.max(0, Duration.between(Instant.now(), at).toNanos());
    ScheduledFuture<?> future = timers.schedule(() -> workers.execute(work), delayNanos, TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  @Override
  public void close() {
    timers.shutdownNow();
    workers.shutdownNow();
  }
}
