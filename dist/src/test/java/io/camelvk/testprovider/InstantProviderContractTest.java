package io.camelvk.testprovider;

import io.camelvk.provider.runtime.ProviderSet;
import io.camelvk.test.contract.ProviderContract;
import java.time.Clock;
import java.util.List;

/** The provider contract, on the provider that only the test sources have. */
class InstantProviderContractTest extends ProviderContract {

  /** Its backend is the bean: a new process gets the same one. */
  private static final InstantProvider BACKEND = new InstantProvider(Clock.systemUTC());

  @Override
  protected ProviderSet newProcess() {
    return ProviderSet.of(InstantProvider.NAME, BACKEND);
  }

  @Override
  protected String execOutput() {
    return "instant: " + String.join(" ", List.of("echo", "contract"));
  }
}
