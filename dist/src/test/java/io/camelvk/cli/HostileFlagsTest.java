package io.camelvk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Malformed and hostile flags, environment variables and properties: each stops start-up before
 * anything runs, with exit code 2 and one line that names the flag.
 */
class HostileFlagsTest {

  private static final String LONG = "a".repeat(300);

  @TempDir static Path dir;

  private final StringWriter err = new StringWriter();
  private final Map<String, String> env = new HashMap<>();
  private final Properties properties = new Properties();

  static Stream<Arguments> badFlags() {
    return Stream.of(
        flag("--os", ""),
        flag("--os", "Linüx"),
        flag("--os", "linux\u0000"),
        flag("--os", "darwin"),
        flag("--provider", ""),
        flag("--provider", "MOCK"),
        flag("--provider", "../../etc/passwd"),
        flag("--provider", "mock; rm -rf /"),
        flag("--provider", "模拟"),
        flag("--provider", LONG),
        flag("--provider-config", "/"),
        flag("--provider-config", "/dev/null/x"),
        flag("--provider-config", "/no/such/\u00e9\u00e8.yaml"),
        flag("--taint-effect", "noschedule"),
        flag("--taint-effect", "NoSchedule;"),
        flag("--taint", "a/b/c"),
        flag("--taint", "-leading"),
        flag("--taint", "ünïcode"),
        flag("--taint", LONG),
        flag("--taint-value", "has space"),
        flag("--taint-value", "a".repeat(64)),
        flag("--taint-value", "-x"),
        flag("--pod-sync-workers", "-1"),
        flag("--pod-sync-workers", "1001"),
        flag("--pod-sync-workers", "99999999999999999999"),
        flag("--pod-sync-workers", "1.5"),
        flag("--pod-sync-workers", "0x10"),
        flag("--full-resync-period", "-1m"),
        flag("--full-resync-period", "1d"),
        flag("--full-resync-period", "99999999999h"),
        flag("--full-resync-period", "1.5.5s"),
        flag("--full-resync-period", "∞"),
        flag("--startup-timeout", "forever"),
        flag("--startup-timeout", "1e3s"),
        flag("--startup-timeout", "9223372036854775807s"),
        flag("--log-level", "verbose"),
        flag("--log-level", "INFO\n"),
        flag("--kubelet-port", "0"),
        flag("--kubelet-port", "-1"),
        flag("--kubelet-port", "65536"),
        flag("--kubelet-port", "ten"),
        flag("--kubelet-api-auth", "maybe"),
        flag("--kubelet-api-auth", ""),
        flag("--tls-cert-file", "/nonexistent/cert.pem"),
        flag("--tls-private-key-file", "pom.xml"),
        flag("--client-ca-file", "/nonexistent/ca.pem"),
        flag("--metrics-port", "0"),
        flag("--metrics-port", "99999"),
        flag("--kube-api-concurrency", "0"),
        flag("--kube-api-concurrency", "x"),
        flag("--provider-call-timeout", "0"),
        flag("--provider-call-timeout", "soon"),
        flag("--provider-call-timeout", "-1s"),
        flag("--provider-call-timeout", "99999999999h"),
        flag("--nodename", "UPPER"),
        flag("--nodename", "a_b"),
        flag("--nodename", "-start"),
        flag("--nodename", "end-"),
        flag("--nodename", "a..b"),
        flag("--nodename", "a.-b"),
        flag("--nodename", "nöde"),
        flag("--nodename", "a".repeat(64)),
        flag("--nodename", "a".repeat(254)),
        flag("--pod-ip", "banana"),
        flag("--pod-ip", "999.1.1.1"),
        flag("--pod-ip", "127.0.0.1/8"),
        flag("--pod-ip", "::g"),
        flag("--kubeconfig", "/no/such/kubeconfig"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("badFlags")
  void aBadFlagExitsWithTwoAndOneLineNamingIt(String flag, String value) {
    assertThat(execute(flag + "=" + value)).as(err::toString).isEqualTo(2);
    assertThat(err.toString()).startsWith("virtual-kubelet: " + flag).hasLineCount(1);
  }

  static Stream<Arguments> badEnvironment() {
    return Stream.of(
        Arguments.of("VKUBELET_TAINT_EFFECT", "Never", "--taint-effect"),
        Arguments.of("VKUBELET_TAINT_KEY", "bad key", "--taint"),
        Arguments.of("VKUBELET_TAINT_VALUE", "bad value!", "--taint-value"),
        Arguments.of("KUBELET_PORT", "http", "--kubelet-port"),
        Arguments.of("KUBELET_PORT", "10250\u00a0", "--kubelet-port"),
        Arguments.of("DEFAULT_NODE_NAME", "Bad_Name", "--nodename"),
        Arguments.of("VKUBELET_POD_IP", "localhost", "--pod-ip"),
        Arguments.of("APISERVER_CERT_LOCATION", "/nonexistent/cert.pem", "--tls-cert-file"),
        Arguments.of("APISERVER_KEY_LOCATION", "/nonexistent/key.pem", "--tls-private-key-file"),
        Arguments.of("APISERVER_CA_CERT_LOCATION", "/nonexistent/ca.pem", "--client-ca-file"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("badEnvironment")
  void aBadEnvironmentVariableNamesItsFlag(String variable, String value, String flag) {
    env.put(variable, value);
    assertThat(execute()).as(err::toString).isEqualTo(2);
    assertThat(err.toString()).startsWith("virtual-kubelet: " + flag).hasLineCount(1);
  }

  static Stream<Arguments> badProperties() {
    return Stream.of(
        Arguments.of("vk.pod.sync-workers", "lots", "--pod-sync-workers"),
        Arguments.of("vk.provider", "nope", "--provider"),
        Arguments.of("vk.provider.call-timeout", "1 minute", "--provider-call-timeout"),
        Arguments.of("vk.metrics.port", "-5", "--metrics-port"),
        Arguments.of("vk.node.os", "plan9", "--os"),
        Arguments.of("vk.kubelet.api.auth", "off", "--kubelet-api-auth"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("badProperties")
  void aBadPropertyNamesItsFlag(String property, String value, String flag) {
    properties.setProperty(property, value);
    assertThat(execute()).as(err::toString).isEqualTo(2);
    assertThat(err.toString()).startsWith("virtual-kubelet: " + flag).hasLineCount(1);
  }

  static Stream<Arguments> badProviderConfigs() {
    return Stream.of(
        config("empty", ""),
        config("null", "null"),
        config("number", "42"),
        config("list", "[1, 2]"),
        config("string", "\"default\""),
        config("section list", "default: [1, 2]"),
        config("section string", "default: cpu"),
        config("bad quantity", "default: {cpu: lots}"),
        config("negative quantity", "default: {memory: -1Gi}"),
        config("nested quantity", "default: {cpu: {nested: 1}}"),
        config("null quantity", "default: {cpu: null}"),
        config("bad suffix", "default: {memory: 1Zi}"),
        config("two dots", "default: {cpu: \"1.5.5\"}"),
        config("full-width digits", "default: {cpu: \"１０\"}"),
        config("tab indent", "default:\n\tcpu: 1\n"),
        config("unclosed", "{ default: {cpu: 1}"),
        config("deep nesting", "[".repeat(5000) + "]".repeat(5000)),
        config("faults not an object", "default: {faults: 0.3}"),
        config("fraction above one", "default: {faults: {errorFraction: 1.01}}"),
        config("negative fraction", "default: {faults: {timeoutFraction: -1}}"),
        config(
            "fractions above one", "default: {faults: {errorFraction: 0.7, timeoutFraction: 0.7}}"),
        config("bad fault timeout", "default: {faults: {timeout: \"-1s\"}}"),
        config("bad seed", "default: {faults: {seed: abc}}"),
        config("unknown fault", "default: {faults: {chaos: 1}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badProviderConfigs")
  void aBadProviderConfigExitsWithTwoAndOneLine(String name, byte[] content) throws Exception {
    Path file = Files.write(Files.createTempFile(dir, "config", ".yaml"), content);
    assertThat(execute("--provider-config=" + file)).as(err::toString).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("virtual-kubelet: --provider-config: " + file)
        .hasLineCount(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notText")
  void aProviderConfigThatIsNotTextSaysSo(String name, byte[] content) throws Exception {
    aBadProviderConfigExitsWithTwoAndOneLine(name, content);
    assertThat(err.toString()).contains("not UTF-8");
  }

  static Stream<Arguments> notText() {
    return Stream.of(
        Arguments.of("binary", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3}),
        Arguments.of(
            "latin-1",
            "default: {cpu: \"caf\u00e9\"}"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
  }

  private static Arguments flag(String flag, String value) {
    return Arguments.of(flag, value);
  }

  private static Arguments config(String name, String content) {
    return Arguments.of(name, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * Runs the command; a value that passed validation meets a kubeconfig that does not exist, so no
   * case can ever start a local control plane.
   */
  private int execute(String... args) {
    String[] guarded = Arrays.copyOf(args, args.length + 1);
    guarded[args.length] = "--kubeconfig=" + dir.resolve("absent-kubeconfig");
    boolean hasKubeconfig = Arrays.stream(args).anyMatch(a -> a.startsWith("--kubeconfig"));
    CommandLine cli = CommandLines.configure(new CommandLine(new VirtualKubeletCommand()));
    cli.setDefaultValueProvider(new SettingSources(env, properties));
    cli.setOut(new PrintWriter(new StringWriter(), true)).setErr(new PrintWriter(err, true));
    return cli.execute(hasKubeconfig ? args : guarded);
  }
}
