package io.camelvk.providers.interlink;

import io.camelvk.config.ProviderSettings;
import io.camelvk.provider.runtime.ProviderSet;
import io.camelvk.test.contract.ProviderContract;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider contract on the interlink provider, over a unix socket (interLink's default) to the
 * fake plugin, with a state directory that outlives each process.
 */
class InterlinkProviderContractTest extends ProviderContract {

  @TempDir static Path dir;
  private static FakePlugin plugin;

  @BeforeAll
  static void startPlugin() {
    plugin = FakePlugin.onSocket(dir.resolve("interlink.sock"));
  }

  @AfterAll
  static void stopPlugin() {
    plugin.close();
  }

  @Override
  protected ProviderSet newProcess() {
    return ProviderSet.create(
        ProviderSettings.only(InterlinkProvider.NAME, Optional.empty())
            .withProperty("vk.provider.interlink.url", plugin.url())
            .withProperty("vk.provider.interlink.state-dir", dir.resolve("state").toString())
            .withProperty("vk.provider.interlink.status-max-age", "200ms"),
        "contract-node",
        Clock.systemUTC());
  }
}
