package io.camelvk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.BuildInfo;
import io.camelvk.config.LeaderElectionSettings;
import io.camelvk.config.VkSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class VirtualKubeletCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final Map<String, String> env = new HashMap<>();
  private final Properties properties = new Properties();
  private VirtualKubeletCommand command;

  @Test
  void versionPrintsOurVersionAndTheKubeletVersion() {
    assertThat(execute("version")).isZero();
    assertThat(out.toString())
        .contains("camel-virtual-kubelet " + BuildInfo.version())
        .contains("v1.37.2-vk-" + BuildInfo.version());
    assertThat(BuildInfo.version()).doesNotContain("${");
  }

  @Test
  void anUnknownFlagExitsWithCodeTwoAndNamesIt() {
    assertThat(execute("--no-such-flag")).isEqualTo(2);
    assertThat(err.toString()).contains("--no-such-flag").hasLineCount(1);
  }

  @Test
  void helpListsTheGoVirtualKubeletFlags() {
    assertThat(execute("--help")).isZero();
    assertThat(out.toString())
        .contains(
            "--kubeconfig",
            "--nodename",
            "--os",
            "--provider",
            "--provider-config",
            "--taint",
            "--disable-taint",
            "--pod-sync-workers",
            "--full-resync-period",
            "--startup-timeout",
            "--log-level");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--os=Solaris | --os",
        "--provider=nope | --provider",
        "--provider-config=/no/such/file | --provider-config",
        "--taint-effect=Sometimes | --taint-effect",
        "--pod-sync-workers=0 | --pod-sync-workers",
        "--pod-sync-workers=many | --pod-sync-workers",
        "--full-resync-period=soon | --full-resync-period",
        "--startup-timeout=-5s | --startup-timeout",
        "--log-level=loud | --log-level",
        "--kubelet-port=70000 | --kubelet-port",
        "--nodename=Not_A_Node | --nodename",
        "--taint=bad key | --taint",
        "--shutdown-timeout=later | --shutdown-timeout",
        "--leader-elect-lease-duration=0 | --leader-elect-lease-duration",
        "--leader-elect-retry-period=often | --leader-elect-retry-period"
      })
  void aBadValueStopsStartUpWithOneLineNamingTheFlagAndExitCodeTwo(String arg, String flag) {
    assertThat(execute(arg)).isEqualTo(2);
    assertThat(err.toString()).startsWith("virtual-kubelet: " + flag).hasLineCount(1);
  }

  @Test
  void aBadTaintEffectFromTheEnvironmentIsNamedToo() {
    env.put("VKUBELET_TAINT_EFFECT", "Never");
    assertThat(execute()).isEqualTo(2);
    assertThat(err.toString()).contains("--taint-effect").contains("VKUBELET_TAINT_EFFECT");
  }

  @Test
  void aBadProviderConfigFileStopsStartUpNamingTheFlag(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("mock.json"), "{ this is not json");
    assertThat(execute("--provider-config=" + config)).isEqualTo(2);
    assertThat(err.toString()).startsWith("virtual-kubelet: --provider-config").hasLineCount(1);
  }

  @Test
  void defaultsAreTheGoVirtualKubeletOnes() {
    VkSettings settings = settings();
    assertThat(settings.node().nodeName()).isEqualTo("virtual-kubelet");
    assertThat(settings.node().operatingSystem()).isEqualTo("linux");
    assertThat(settings.providerName()).isEqualTo("mock");
    assertThat(settings.node().taint())
        .hasValueSatisfying(
            t -> {
              assertThat(t.getKey()).isEqualTo("virtual-kubelet.io/provider");
              assertThat(t.getValue()).isEqualTo("mock");
              assertThat(t.getEffect()).isEqualTo("NoSchedule");
            });
    assertThat(settings.node().kubeletPort()).isEqualTo(10250);
    assertThat(settings.podSyncWorkers()).isEqualTo(64);
    assertThat(settings.fullResyncPeriod()).isEqualTo(Duration.ofMinutes(1));
    assertThat(settings.startupTimeout()).isZero();
  }

  @Test
  void flagsBeatEnvironmentWhichBeatsProperties() {
    properties.setProperty("vk.node.name", "from-properties");
    properties.setProperty("vk.node.os", "windows");
    env.put("DEFAULT_NODE_NAME", "from-env");
    env.put("VKUBELET_TAINT_KEY", "example.com/burst");
    env.put("VKUBELET_TAINT_VALUE", "yes");
    env.put("VKUBELET_TAINT_EFFECT", "NoExecute");
    env.put("KUBELET_PORT", "10255");
    env.put("VKUBELET_POD_IP", "192.0.2.10");

    assertThat(settings().node().nodeName()).isEqualTo("from-env");
    VkSettings settings = settings("--nodename=from-flag", "--os=WINDOWS");
    assertThat(settings.node().nodeName()).isEqualTo("from-flag");
    assertThat(settings.node().operatingSystem()).isEqualTo("windows");
    assertThat(settings.node().kubeletPort()).isEqualTo(10255);
    assertThat(settings.node().internalIp()).isEqualTo("192.0.2.10");
    assertThat(settings.node().taint())
        .hasValueSatisfying(
            t ->
                assertThat(t.getKey() + "=" + t.getValue() + ":" + t.getEffect())
                    .isEqualTo("example.com/burst=yes:NoExecute"));
  }

  @Test
  void disableTaintAndGoDurations() {
    VkSettings settings =
        settings(
            "--disable-taint",
            "--full-resync-period=1m30s",
            "--startup-timeout=500ms",
            "--namespace=ignored");
    assertThat(settings.node().taint()).isEmpty();
    assertThat(settings.fullResyncPeriod()).isEqualTo(Duration.ofSeconds(90));
    assertThat(settings.startupTimeout()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void leaderElectionIsOffByDefaultWithTheKubeComponentsTimings() {
    VkSettings settings = settings("--nodename=vk-a");
    assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
    LeaderElectionSettings election = settings.leaderElection();
    assertThat(election.enabled()).isFalse();
    assertThat(election.leaseDuration()).isEqualTo(Duration.ofSeconds(15));
    assertThat(election.renewDeadline()).isEqualTo(Duration.ofSeconds(10));
    assertThat(election.retryPeriod()).isEqualTo(Duration.ofSeconds(2));
    assertThat(election.leaseNamespace()).isEqualTo("kube-system");
    assertThat(election.leaseName()).isEqualTo("virtual-kubelet-vk-a");
    assertThat(election.identity()).endsWith("_" + ProcessHandle.current().pid());
  }

  @Test
  void leaderElectionFlagsAndProperties() {
    properties.setProperty("vk.leader-elect", "true");
    properties.setProperty("vk.shutdown-timeout", "45s");
    VkSettings settings =
        settings(
            "--leader-elect-lease-duration=20s",
            "--leader-elect-resource-namespace=vk",
            "--leader-elect-resource-name=my-lease",
            "--leader-elect-identity=replica-1");
    assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(settings.leaderElection())
        .isEqualTo(
            new LeaderElectionSettings(
                true,
                "vk",
                "my-lease",
                "replica-1",
                Duration.ofSeconds(20),
                Duration.ofSeconds(10),
                Duration.ofSeconds(2)));
  }

  @Test
  void aRenewDeadlineNotShorterThanTheLeaseIsRefused() {
    assertThat(
            execute(
                "--leader-elect",
                "--leader-elect-lease-duration=10s",
                "--leader-elect-renew-deadline=10s"))
        .isEqualTo(2);
    assertThat(err.toString())
        .startsWith("virtual-kubelet: --leader-elect-renew-deadline")
        .hasLineCount(1);
  }

  private VkSettings settings(String... args) {
    CommandLine cli = commandLine();
    cli.parseArgs(args);
    return command.resolveSettings();
  }

  private CommandLine commandLine() {
    command = new VirtualKubeletCommand();
    CommandLine cli = CommandLines.configure(new CommandLine(command));
    cli.setDefaultValueProvider(new SettingSources(env, properties));
    return cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
  }

  private int execute(String... args) {
    return commandLine().execute(args);
  }
}
