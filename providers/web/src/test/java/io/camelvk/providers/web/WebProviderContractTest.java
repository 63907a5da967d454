package io.camelvk.providers.web;

import io.camelvk.config.ProviderSettings;
import io.camelvk.provider.runtime.ProviderSet;
import io.camelvk.test.contract.ProviderContract;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The provider contract on the web provider's routes, against the reference backend. */
class WebProviderContractTest extends ProviderContract {

  private static WebBackend backend;

  @BeforeAll
  static void startBackend() {
    backend = WebBackend.start();
  }

  @AfterAll
  static void stopBackend() {
    backend.close();
  }

  @Override
  protected ProviderSet newProcess() {
    return ProviderSet.create(
        ProviderSettings.only(WebBackend.NAME, Optional.empty()),
        "contract-node",
        Clock.systemUTC());
  }

  @Override
  protected Map<String, String> properties() {
    return Map.of(WebBackend.URL_PROPERTY, backend.url());
  }
}
