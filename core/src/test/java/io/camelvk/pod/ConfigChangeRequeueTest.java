package io.camelvk.pod;

import static io.camelvk.pod.PodSyncFixture.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which pods a ConfigMap or Secret change sends through a sync again. */
class ConfigChangeRequeueTest {

  private final PodSyncFixture vk = new PodSyncFixture();
  private final ConfigChangeRequeue requeue =
      new ConfigChangeRequeue(vk.cache, vk.tracker, vk.providers, vk.queue);

  @AfterEach
  void stop() {
    vk.close();
  }

  @Test
  void podsNotRunningYetTryAgainAndRunningOnesOnlyWhenTheirProviderMountsWhatChanged()
      throws InterruptedException {
    Pod waiting = pod("waiting", "u1").build();
    Pod mounts = mounting("mounts", "u2", "app");
    Pod mountsOther = mounting("other", "u3", "other");
    Pod onBig = mounting("big", "u4", "app");
    Pod elsewhere = mounting("elsewhere", "u5", "app");
    elsewhere.getMetadata().setNamespace("ns2");
    List.of(waiting, mounts, mountsOther, onBig, elsewhere).forEach(vk.cache::put);
    vk.tracker.running(PodKey.of(mounts), "files", mounts);
    vk.tracker.running(PodKey.of(mountsOther), "files", mountsOther);
    vk.tracker.running(PodKey.of(onBig), "big", onBig);

    requeue.accept(new ConfigChange(false, "ns", "app"));

    assertThat(queued()).containsExactlyInAnyOrder("waiting", "mounts");
  }

  @Test
  void aSecretChangeConcernsTheSecretsVolumesNotAConfigMapOfTheSameName()
      throws InterruptedException {
    Pod mounts = mounting("mounts", "u2", "app");
    vk.cache.put(mounts);
    vk.tracker.running(PodKey.of(mounts), "files", mounts);

    requeue.accept(new ConfigChange(true, "ns", "app"));

    assertThat(queued()).isEmpty();
  }

  private List<String> queued() throws InterruptedException {
    List<String> names = new ArrayList<>();
    while (vk.queue.depth() > 0) {
      PodKey key = vk.queue.take().orElseThrow();
      names.add(key.name());
      vk.queue.done(key);
    }
    return names;
  }

  private static Pod mounting(String name, String uid, String configMap) {
    return pod(name, uid)
        .editSpec()
        .addToVolumes(
            new VolumeBuilder()
                .withName("projected")
                .withNewProjected()
                .addNewSource()
                .withNewConfigMap()
                .withName(configMap)
                .endConfigMap()
                .endSource()
                .endProjected()
                .build())
        .endSpec()
        .build();
  }
}
