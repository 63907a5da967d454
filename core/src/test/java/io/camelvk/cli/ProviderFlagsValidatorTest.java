package io.camelvk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.config.ProviderSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The provider flags on the command line, with providers {@code alpha} and {@code beta} on the
 * classpath: route folders in a class loader of their own, made the context class loader, which is
 * where providers are discovered.
 */
class ProviderFlagsValidatorTest {

  @TempDir Path dir;

  private final StringWriter err = new StringWriter();
  private final Properties properties = new Properties();
  private ClassLoader previousLoader;
  private URLClassLoader providers;
  private VirtualKubeletCommand command;

  @BeforeEach
  void providersOnTheClasspath() throws IOException {
    Path classes = dir.resolve("classes");
    for (String name : new String[] {"alpha", "beta"}) {
      Path routes = Files.createDirectories(classes.resolve("providers/" + name));
      Files.writeString(routes.resolve("provider-" + name + ".yaml"), "- route: {}\n");
    }
    providers = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
    previousLoader = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(providers);
  }

  @AfterEach
  void restore() throws IOException {
    Thread.currentThread().setContextClassLoader(previousLoader);
    providers.close();
  }

  @Test
  void moreProvidersFollowTheDefaultOnceEach() {
    ProviderSettings settings = settings("--provider=alpha", "--providers= beta , alpha,beta");

    assertThat(settings.defaultName()).isEqualTo("alpha");
    assertThat(settings.names()).containsExactly("alpha", "beta");
    assertThat(settings.mapping()).isEmpty();
  }

  @Test
  void theProvidersPropertyAddsProvidersToo() {
    properties.setProperty("vk.provider", "beta");
    properties.setProperty("vk.providers", "alpha");

    assertThat(settings().names()).containsExactly("beta", "alpha");
  }

  @Test
  void anUnknownNameInProvidersStopsStartUpNamingTheFlagAndTheKnownOnes() {
    assertThat(execute("--provider=alpha", "--providers=beta,gamma")).isEqualTo(2);

    assertThat(err.toString())
        .hasLineCount(1)
        .startsWith("virtual-kubelet: --providers: unknown provider 'gamma' (known: alpha, beta)");
  }

  @Test
  void anUnknownDefaultProviderNamesProvider() {
    assertThat(execute()).isEqualTo(2);

    assertThat(err.toString())
        .startsWith("virtual-kubelet: --provider: unknown provider 'mock' (known: alpha, beta)");
  }

  @Test
  void eachProviderReadsItsConfigurationFileAndItsPropertiesFromItsOwnKeys() throws IOException {
    Path alphaConfig = Files.writeString(dir.resolve("alpha.yaml"), "a: 1\n");
    Path betaConfig = Files.writeString(dir.resolve("beta.json"), "{}");
    properties.setProperty("vk.provider.beta.config", betaConfig.toString());
    properties.setProperty("vk.provider.beta.url", "http://backend");
    properties.setProperty("vk.provider.gamma.url", "http://not-ours");

    ProviderSettings settings =
        settings("--provider=alpha", "--providers=beta", "--provider-config=" + alphaConfig);

    assertThat(settings.configFiles()).isEqualTo(Map.of("alpha", alphaConfig, "beta", betaConfig));
    assertThat(settings.propertiesOf("beta"))
        .isEqualTo(Map.of("config", betaConfig.toString(), "url", "http://backend"));
    assertThat(settings.propertiesOf("gamma")).isEmpty();
  }

  @Test
  void theDefaultProvidersOwnConfigPropertyServesWhenTheFlagIsNotGiven() throws IOException {
    Path alphaConfig = Files.writeString(dir.resolve("alpha.yaml"), "a: 1\n");
    properties.setProperty("vk.provider.alpha.config", alphaConfig.toString());

    assertThat(settings("--provider=alpha").configFile("alpha")).contains(alphaConfig);
  }

  @Test
  void aConfigurationFileThatCannotBeReadNamesItsProperty() {
    properties.setProperty("vk.provider.beta.config", dir.resolve("absent.json").toString());

    assertThat(execute("--provider=alpha", "--providers=beta")).isEqualTo(2);

    assertThat(err.toString())
        .hasLineCount(1)
        .startsWith(
            "virtual-kubelet: vk.provider.beta.config: cannot read " + dir.resolve("absent.json"));
  }

  @Test
  void aMappingFileIsTakenWhenItCanBeRead() throws IOException {
    Path mapping = Files.writeString(dir.resolve("mapping.yaml"), "- route: {}\n");

    assertThat(settings("--provider=alpha", "--provider-mapping=" + mapping).mapping())
        .isEqualTo(Optional.of(mapping));
  }

  @Test
  void aMappingFileThatCannotBeReadStopsStartUpNamingTheFlag() {
    assertThat(execute("--provider=alpha", "--provider-mapping=" + dir)).isEqualTo(2);
    assertThat(err.toString())
        .hasLineCount(1)
        .startsWith("virtual-kubelet: --provider-mapping: cannot read " + dir);
  }

  private ProviderSettings settings(String... args) {
    commandLine().parseArgs(args);
    return command.resolveSettings().providers();
  }

  /**
   * Runs the command; flags that pass validation meet a kubeconfig that does not exist, so that
   * nothing starts.
   */
  private int execute(String... args) {
    String[] guarded = Arrays.copyOf(args, args.length + 1);
    guarded[args.length] = "--kubeconfig=" + dir.resolve("absent-kubeconfig");
    return commandLine().execute(guarded);
  }

  private CommandLine commandLine() {
    command = new VirtualKubeletCommand();
    CommandLine cli = CommandLines.configure(new CommandLine(command));
    cli.setDefaultValueProvider(new SettingSources(new HashMap<>(), properties));
    return cli.setOut(new PrintWriter(new StringWriter(), true)).setErr(new PrintWriter(err, true));
  }
}
