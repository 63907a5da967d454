package io.camelvk.provider.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.metrics.KubeletMetrics;
import io.camelvk.provider.ProviderException;
import io.camelvk.test.BeanClient;
import io.camelvk.test.IdleProvider;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MeteredClientTest {

  private final KubeletMetrics metrics = new KubeletMetrics();
  private final ProviderCallLedger ledger = new ProviderCallLedger(true);
  private final ProviderClient client =
      new MeteredClient(new BeanClient("picky", new Picky()), metrics, ledger);

  @Test
  void callsAreTimedWithTheirOutcomeAndFailuresStillThrow() {
    client.pods();
    assertThatThrownBy(() -> client.create(pod("refused"))).isInstanceOf(ProviderException.class);

    assertThat(metrics.scrape())
        .containsPattern(
            "vk_provider_call_seconds_count\\{method=\"pods\",outcome=\"ok\",provider=\"picky\"} 1")
        .containsPattern(
            "vk_provider_call_seconds_count\\{method=\"create\",outcome=\"invalid\","
                + "provider=\"picky\"} 1");
  }

  @Test
  void callsAboutAPodAreCountedByItsUidAndOutcome() {
    client.create(pod("a"));
    client.create(pod("a"));
    client.delete(pod("a"), Duration.ZERO);
    assertThatThrownBy(() -> client.create(pod("refused")));

    assertThat(ledger.count("create", "uid-a", "ok")).isEqualTo(2);
    assertThat(ledger.count("delete", "uid-a", null)).isEqualTo(1);
    assertThat(ledger.count("create", "uid-refused", "invalid")).isEqualTo(1);
    assertThat(ledger.json()).contains("\"uid\":\"uid-a\"").contains("\"operation\":\"delete\"");
  }

  @Test
  void aLedgerThatIsOffKeepsNothing() {
    ProviderCallLedger off = new ProviderCallLedger(false);
    new MeteredClient(new BeanClient("picky", new Picky()), metrics, off).create(pod("a"));
    assertThat(off.entries()).isEmpty();
  }

  private static Pod pod(String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace("ns")
        .withName(name)
        .withUid("uid-" + name)
        .endMetadata()
        .build();
  }

  /** Refuses the pod named "refused". */
  private static final class Picky extends IdleProvider {
    @Override
    public void createPod(Pod pod) {
      if (pod.getMetadata().getName().equals("refused")) {
        throw ProviderException.invalid("no");
      }
    }
  }
}
