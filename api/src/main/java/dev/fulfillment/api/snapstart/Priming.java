package dev.fulfillment.api.snapstart;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Runs a warm-up before Lambda SnapStart takes its snapshot, so the restored function starts with
 * classes loaded and JIT-warm paths (Jackson, validation, response building). Priming must not touch
 * the network: connections in a snapshot are stale after restore, and a priming call to AWS would
 * have side effects. Randomness is not drawn here either, so restored copies never share state.
 */
public final class Priming implements Resource {

  private final Runnable warmUp;

  private Priming(Runnable warmUp) {
    this.warmUp = warmUp;
  }

  /**
   * Registers {@code warmUp} to run before checkpoint. The caller keeps the returned resource: a CRaC
   * context may hold resources weakly, and a collected resource would never run.
   */
  public static Priming register(Runnable warmUp) {
    Priming priming = new Priming(warmUp);
    Core.getGlobalContext().register(priming);
    return priming;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    warmUp.run();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Nothing to renew: SDK clients open connections lazily and no state depends on time or randomness.
  }
}
