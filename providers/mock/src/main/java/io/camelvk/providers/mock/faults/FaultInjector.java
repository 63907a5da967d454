package io.camelvk.providers.mock.faults;

import io.camelvk.provider.ProviderException;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Random;

/** Draws, call by call, whether the mock fails or hangs, as its {@link FaultConfig} say. */
public final class FaultInjector {

  /** What happens to one call. */
  public enum Fault {
    NONE,
    ERROR,
    TIMEOUT
  }

  private final FaultConfig faults;
  private final Random random;

  public FaultInjector(FaultConfig faults) {
    this.faults = faults;
    this.random = new Random(faults.seed());
  }

  /** Draws the fault of one call; throws at once for an error. */
  public Fault before(String method, Pod pod) {
    if (!faults.any()) {
      return Fault.NONE;
    }
    double draw;
    synchronized (random) {
      draw = random.nextDouble();
    }
    if (draw < faults.errorFraction()) {
      throw ProviderException.transientFailure(
          "mock: injected failure of " + method + " for pod " + pod.getMetadata().getName());
    }
    return draw < faults.errorFraction() + faults.timeoutFraction() ? Fault.TIMEOUT : Fault.NONE;
  }

  /** After the call took effect: hangs for a TIMEOUT, until the timeout or an interrupt. */
  public void after(Fault fault, String method, Pod pod) {
    if (fault != Fault.TIMEOUT) {
      return;
    }
    try {
      Thread.sleep(faults.timeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ProviderException.transientFailure(
          "mock: injected hang of "
              + method
              + " for pod "
              + pod.getMetadata().getName()
              + " interrupted");
    }
  }
}
