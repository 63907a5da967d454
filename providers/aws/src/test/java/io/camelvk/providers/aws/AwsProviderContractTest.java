package io.camelvk.providers.aws;

import io.camelvk.config.ProviderSettings;
import io.camelvk.provider.runtime.ProviderSet;
import io.camelvk.test.contract.ProviderContract;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The provider contract on the aws provider's routes against moto_server: tasks stay where moto
 * puts them (RUNNING) until a test moves them; the pod that "changes by itself" has its task
 * stopped by {@link MotoCluster}, as a container that exits would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsProviderContractTest extends ProviderContract {

  private MotoCluster cluster;

  @BeforeAll
  void startMoto() {
    cluster = MotoCluster.start("contract");
  }

  @AfterAll
  void stopMoto() {
    cluster.close();
  }

  @Override
  protected ProviderSet newProcess() {
    return ProviderSet.create(
        ProviderSettings.only("aws", Optional.empty()), "contract-node", Clock.systemUTC());
  }

  @Override
  protected Map<String, String> properties() {
    return cluster.providerProperties();
  }

  @Override
  protected Pod changingPod(String name) {
    cluster.stopWhenRunning(NAMESPACE, name);
    return pod(name);
  }
}
