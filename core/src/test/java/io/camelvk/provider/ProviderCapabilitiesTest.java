package io.camelvk.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.test.IdleProvider;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProviderCapabilitiesTest {

  private final ContainerLogs routeLogs =
      (namespace, pod, container, options) -> InputStream.nullInputStream();

  @Test
  void aProviderMadeOfRoutesCanOfferOnlyWhatNeedsNoBean() {
    ProviderCapabilities capabilities =
        ProviderCapabilities.of(
            EnumSet.allOf(ProviderCapability.class), Optional.empty(), routeLogs);

    assertThat(capabilities.declared())
        .containsExactlyInAnyOrder(
            ProviderCapability.LOGS,
            ProviderCapability.NOTIFIES,
            ProviderCapability.VOLUMES,
            ProviderCapability.RESIZE,
            ProviderCapability.EPHEMERAL_CONTAINERS);
    assertThat(capabilities.notifies()).isTrue();
    assertThat(capabilities.resizes()).isTrue();
    assertThat(capabilities.runsEphemeralContainers()).isTrue();
    assertThat(capabilities.takesVolumes()).isTrue();
    assertThat(capabilities.logs()).containsSame(routeLogs);
    assertThat(capabilities.exec()).isEmpty();
    assertThat(capabilities.attach()).isEmpty();
    assertThat(capabilities.portForward()).isEmpty();
    assertThat(capabilities.stats()).isEmpty();
  }

  @Test
  void aBeanOffersWhatItsRouteDeclaresAndItImplements() {
    ExecOnly bean = new ExecOnly();

    ProviderCapabilities capabilities =
        ProviderCapabilities.of(
            Set.of(ProviderCapability.EXEC, ProviderCapability.ATTACH, ProviderCapability.LOGS),
            Optional.of(bean),
            routeLogs);

    assertThat(capabilities.declared())
        .containsExactlyInAnyOrder(ProviderCapability.EXEC, ProviderCapability.LOGS);
    assertThat(capabilities.exec()).containsSame(bean);
    assertThat(capabilities.attach()).isEmpty();
    assertThat(capabilities.logs()).containsSame(routeLogs);
    assertThat(capabilities.notifies()).isFalse();
  }

  @Test
  void whatABeanImplementsButItsRouteDoesNotDeclareIsNotOffered() {
    ProviderCapabilities capabilities =
        ProviderCapabilities.of(Set.of(), Optional.of(new ExecOnly()), routeLogs);

    assertThat(capabilities.declared()).isEmpty();
    assertThat(capabilities.exec()).isEmpty();
    assertThat(capabilities.logs()).isEmpty();
  }

  @Test
  void aBeanImplementsTheCapabilitiesOfItsInterfaces() {
    assertThat(ProviderCapabilities.implementedBy(new ExecOnly()))
        .containsExactly(ProviderCapability.EXEC);
  }

  private static final class ExecOnly extends IdleProvider implements ContainerExec {
    @Override
    public int exec(
        String namespace,
        String pod,
        String container,
        List<String> command,
        RemoteStreams streams) {
      return 0;
    }
  }
}
