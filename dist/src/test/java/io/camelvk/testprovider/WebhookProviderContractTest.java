package io.camelvk.testprovider;

import io.camelvk.config.ProviderSettings;
import io.camelvk.provider.runtime.ProviderSet;
import io.camelvk.test.contract.ProviderContract;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The provider contract, on the provider made of one route file that docs/providers/README.md walks
 * through, against its example HTTP service.
 */
class WebhookProviderContractTest extends ProviderContract {

  private static WebhookBackend backend;

  @BeforeAll
  static void startBackend() {
    backend = WebhookBackend.start();
  }

  @AfterAll
  static void stopBackend() {
    backend.close();
  }

  @Override
  protected ProviderSet newProcess() {
    return ProviderSet.create(
        ProviderSettings.only(WebhookBackend.NAME, Optional.empty()),
        "contract-node",
        Clock.systemUTC());
  }

  @Override
  protected Map<String, String> properties() {
    return Map.of(WebhookBackend.URL_PROPERTY, backend.url());
  }
}
