package io.camelvk.providers.aws;

import io.camelvk.config.ProviderSettings;
import io.camelvk.provider.runtime.ProviderSet;
import io.camelvk.test.contract.ProviderContract;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider contract on the aws provider's routes against moto_server: tasks stay where moto
 * puts them (RUNNING) until a test moves them; the pod that "changes by itself" has its task
 * stopped by {@link MotoCluster}, as a container that exits would. The container that writes a
 * task's volume files is run by {@link VolumeWriters} and its exit code given through {@link
 * DescribeTasksProxy}, since moto runs no container.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsProviderContractTest extends ProviderContract {

  private MotoCluster cluster;
  private DescribeTasksProxy proxy;
  private VolumeWriters writers;

  @BeforeAll
  void startMoto(@TempDir Path written) {
    cluster = MotoCluster.start("contract");
    proxy = DescribeTasksProxy.to(cluster.moto().endpoint());
    writers = VolumeWriters.inBackground(cluster, proxy, written);
  }

  @AfterAll
  void stopMoto() {
    writers.close();
    proxy.close();
    cluster.close();
  }

  @Override
  protected ProviderSet newProcess() {
    return ProviderSet.create(
        ProviderSettings.only("aws", Optional.empty()), "contract-node", Clock.systemUTC());
  }

  @Override
  protected Map<String, String> properties() {
    Map<String, String> properties = new HashMap<>(cluster.providerProperties());
    properties.put("vk.provider.aws.endpoint", proxy.endpoint().toString());
    return properties;
  }

  @Override
  protected Pod changingPod(String name) {
    cluster.stopWhenRunning(NAMESPACE, name);
    return pod(name);
  }
}
