package io.camelvk.provider.mapping;

import io.camelvk.metrics.KubeletMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider mapping route, from {@code --provider-mapping} or else the bundled {@code
 * routes/provider-mapping.yaml} (every pod to the default provider). A file that changes on disk
 * replaces the route in force, once {@link MappingCheck} accepts it; one it refuses leaves the
 * previous route in force, with one log line and the metric {@code
 * vk_provider_mapping_reloads_total{outcome="refused"}}.
 */
public final class MappingFile {

  public static final String ROUTE_ID = "provider-mapping";
  private static final String TRIAL_ID = "provider-mapping-trial";
  private static final String TRIAL_ENDPOINT = "direct:vk-provider-mapping-trial";
  public static final String BUNDLED = "routes/provider-mapping.yaml";
  private static final Logger LOG = LoggerFactory.getLogger(MappingFile.class);

  private final Optional<Path> file;
  private final List<String> providers;
  private final KubeletMetrics metrics;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private CamelContext context;
  private String inForce;
  private String lastRefused;

  public MappingFile(Optional<Path> file, List<String> providers, KubeletMetrics metrics) {
    this.file = file;
    this.providers = List.copyOf(providers);
    this.metrics = metrics;
  }

  /** Called after a changed mapping took effect (pods waiting for a provider try again). */
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  /**
   * Puts the mapping route in force in the running context.
   *
   * @throws IllegalArgumentException when the file is unreadable or refused, naming it and why
   */
  public synchronized void start(CamelContext running) {
    this.context = running;
    String text = read();
    apply(text)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(location() + ": " + problem);
            });
    inForce = text;
    LOG.info("provider mapping from {}", location());
  }

  /**
   * Checks the file (route {@code provider-mapping-reload}); returns whether a change took effect.
   */
  public synchronized boolean reloadIfChanged() {
    if (file.isEmpty() || context == null) {
      return false;
    }
    String text;
    try {
      text = read();
    } catch (IllegalArgumentException e) {
      refuse("unreadable: " + e.getMessage(), e.getMessage());
      return false;
    }
    if (text.equals(inForce) || text.equals(lastRefused)) {
      return false;
    }
    Optional<String> problem = apply(text);
    if (problem.isPresent()) {
      refuse(text, location() + ": " + problem.get());
      return false;
    }
    inForce = text;
    lastRefused = null;
    metrics.mappingReload("applied");
    LOG.info("provider mapping {} changed; the new one is in force", location());
    listeners.forEach(Runnable::run);
    return true;
  }

  private void refuse(String text, String why) {
    if (!text.equals(lastRefused)) {
      lastRefused = text;
      metrics.mappingReload("refused");
      LOG.warn("provider mapping refused, the previous one stays in force: {}", why);
    }
  }

  /**
   * Loads and checks {@code text}; if it will do, replaces the route in force with it. It is first
   * added once from a trial endpoint and removed, so that a route Camel cannot build (an unknown
   * component, say) is refused before the one in force is touched.
   */
  private Optional<String> apply(String text) {
    try {
      RouteBuilder trial = parse(text);
      Optional<String> problem =
          MappingCheck.problem(trial.getRouteCollection(), providers, context);
      if (problem.isPresent()) {
        return problem;
      }
      RouteDefinition trialRoute = trial.getRouteCollection().getRoutes().getFirst();
      trialRoute.setId(TRIAL_ID);
      trialRoute.getInput().setUri(TRIAL_ENDPOINT);
      context.addRoutes(trial);
      remove(TRIAL_ID);
    } catch (Exception e) {
      quietlyRemove(TRIAL_ID);
      return Optional.of("not a valid route (" + firstLine(e) + ")");
    }
    try {
      RouteBuilder builder = parse(text);
      builder.getRouteCollection().getRoutes().getFirst().setId(ROUTE_ID);
      remove(ROUTE_ID);
      context.addRoutes(builder);
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot put the provider mapping in force: " + firstLine(e), e);
    }
    return Optional.empty();
  }

  private RouteBuilder parse(String text) throws Exception {
    Collection<RoutesBuilder> builders =
        PluginHelper.getRoutesLoader(context)
            .findRoutesBuilders(ResourceHelper.fromString(resourceName(), text));
    if (builders.size() != 1 || !(builders.iterator().next() instanceof RouteBuilder builder)) {
      throw new IllegalArgumentException("not a route file");
    }
    builder.configureRoutes(context);
    return builder;
  }

  private void remove(String routeId) throws Exception {
    if (context.getRoute(routeId) != null) {
      context.getRouteController().stopRoute(routeId);
      context.removeRoute(routeId);
    }
  }

  private void quietlyRemove(String routeId) {
    try {
      remove(routeId);
    } catch (Exception e) {
      LOG.debug("cannot remove route {}: {}", routeId, e.toString());
    }
  }

  /** The loader picks the DSL by the name's extension. */
  private String resourceName() {
    String location = location();
    return location.endsWith(".yaml") ? location : location + ".yaml";
  }

  private String read() {
    try {
      if (file.isPresent()) {
        return Files.readString(file.get(), StandardCharsets.UTF_8);
      }
      try (InputStream bundled = MappingFile.class.getClassLoader().getResourceAsStream(BUNDLED)) {
        return new String(bundled.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(location() + ": cannot read it (" + why(e) + ")");
    }
  }

  private static String why(IOException e) {
    return switch (e) {
      case NoSuchFileException missing -> "no such file";
      case AccessDeniedException denied -> "permission denied";
      case CharacterCodingException coding -> "not UTF-8 text";
      default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    };
  }

  private String location() {
    return file.map(Path::toString).orElse("classpath:" + BUNDLED);
  }

  /** The failure's message and, when it says more, its root cause's (a YAML error's line). */
  private static String firstLine(Exception e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String top = lineOf(e);
    String cause = lineOf(root);
    return root == e || top.contains(cause) ? top : top + ": " + cause;
  }

  private static String lineOf(Throwable t) {
    String message = t.getMessage() == null ? t.toString() : t.getMessage();
    return message.lines().findFirst().orElse(message).strip();
  }
}
