package io.camelvk.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.ProviderException;
import io.camelvk.test.IdleProvider;
import io.camelvk.test.TestProviders;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class NodeProfilesTest {

  private final AnsweringProvider a = new AnsweringProvider();
  private final AnsweringProvider b = new AnsweringProvider();
  private final NodeProfiles profiles =
      new NodeProfiles(
          TestProviders.of(TestProviders.handle("a", a), TestProviders.handle("b", b)), "vk");

  @Test
  void aProviderThatHasNotAnsweredYetHasTheDefaultProfile() {
    a.answer.set(cpus("4"));
    assertThat(profiles.of("a")).isEqualTo(NodeProfile.DEFAULT);
  }

  @Test
  void aRefreshAsksEveryProviderForTheNodeItBacks() {
    a.answer.set(cpus("4"));
    b.answer.set(cpus("2"));

    profiles.refresh();

    assertThat(profiles.of("a")).isEqualTo(cpus("4"));
    assertThat(profiles.of("b")).isEqualTo(cpus("2"));
    assertThat(a.askedFor.get()).isEqualTo("vk");
    assertThat(Quantity.getAmountInBytes(profiles.combined().capacity().get("cpu")))
        .isEqualByComparingTo("6");
  }

  @Test
  void aProviderThatFailsToAnswerKeepsItsLastProfileAndTheOthersAreStillAsked() {
    a.answer.set(cpus("4"));
    b.answer.set(cpus("2"));
    profiles.refresh();

    a.answer.set(null);
    b.answer.set(cpus("3"));
    profiles.refresh();

    assertThat(profiles.of("a")).isEqualTo(cpus("4"));
    assertThat(profiles.of("b")).isEqualTo(cpus("3"));
  }

  private static NodeProfile cpus(String amount) {
    return new NodeProfile(Map.of("cpu", new Quantity(amount)), Map.of(), List.of(), "test");
  }

  /** Answers the profile it is given; none given, it fails. */
  private static final class AnsweringProvider extends IdleProvider {
    final AtomicReference<NodeProfile> answer = new AtomicReference<>();
    final AtomicReference<String> askedFor = new AtomicReference<>();

    @Override
    public NodeProfile nodeProfile(String nodeName) {
      askedFor.set(nodeName);
      if (answer.get() == null) {
        throw ProviderException.transientFailure("backend away");
      }
      return answer.get();
    }
  }
}
