package io.camelvk.provider.runtime;

import io.camelvk.provider.ContainerLogs;
import io.camelvk.provider.ProviderCapabilities;
import io.camelvk.provider.ProviderCapability;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects a node's providers to Camel: before it starts, which route files to load and which beans
 * to bind (a bean provider's operations as {@code <name>Provider}, which the {@code bean-provider}
 * template calls); once it runs, a client per provider through its route and what each can do.
 */
public final class ProviderWiring {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderWiring.class);

  private final ProviderSet set;

  public ProviderWiring(ProviderSet set) {
    this.set = set;
  }

  /** {@code classpath:providers/<name>/*.yaml} for every provider. */
  public List<String> routePatterns() {
    return set.names().stream().map(ProviderRoutes::routesPattern).toList();
  }

  /** The beans the providers' routes call, by the name they call them. */
  public Map<String, Object> beans() {
    Map<String, Object> beans = new LinkedHashMap<>();
    set.beans()
        .forEach(
            (name, bean) ->
                beans.put(ProviderRoutes.beanName(name), new BeanProviderOperations(bean)));
    return beans;
  }

  /**
   * Once Camel runs: each provider's client (its route, wrapped by {@code decorate}) and its
   * capabilities, asked once through the route.
   *
   * @throws IllegalStateException when a provider has no route from {@code direct:provider-<name>}
   *     or declares what it cannot do
   */
  public Map<String, ProviderHandle> wire(
      CamelContext context, ProducerTemplate template, UnaryOperator<ProviderClient> decorate) {
    Map<String, ProviderHandle> handles = new LinkedHashMap<>();
    for (String name : set.names()) {
      requireRoute(context, name);
      ProviderClient client = decorate.apply(new RouteClient(name, context, template));
      Set<ProviderCapability> declared = client.capabilities();
      ContainerLogs routeLogs = client::logs;
      ProviderCapabilities capabilities =
          ProviderCapabilities.of(declared, set.bean(name), routeLogs);
      reportUnserved(name, declared, capabilities);
      boolean answersStatus = set.bean(name).isPresent() || !capabilities.notifies();
      handles.put(name, new ProviderHandle(name, client, capabilities, answersStatus));
      LOG.info(
          "provider {} ({}) wired; it can also: {}",
          name,
          set.bean(name).map(b -> "bean " + b.getClass().getSimpleName()).orElse("routes"),
          capabilities.declared().isEmpty() ? "nothing more" : describe(capabilities.declared()));
    }
    return handles;
  }

  private static void requireRoute(CamelContext context, String name) {
    String uri = ProviderRoutes.endpointUri(name);
    boolean served =
        context.getRoutes().stream()
            .map(Route::getEndpoint)
            .anyMatch(e -> e.getEndpointUri().replace("://", ":").equals(uri));
    if (!served) {
      throw new IllegalStateException(
          "provider "
              + name
              + ": no route from "
              + uri
              + " (its routes belong in providers/"
              + name
              + "/*.yaml on the classpath; a bean provider binds the bean-provider template)");
    }
  }

  private static void reportUnserved(
      String name, Set<ProviderCapability> declared, ProviderCapabilities capabilities) {
    Set<ProviderCapability> unserved = EnumSet.noneOf(ProviderCapability.class);
    unserved.addAll(declared);
    unserved.removeAll(capabilities.declared());
    if (!unserved.isEmpty()) {
      throw new IllegalStateException(
          "provider "
              + name
              + " declares "
              + describe(unserved)
              + ", which need a bean implementing them (docs/providers/README.md)");
    }
  }

  private static String describe(Set<ProviderCapability> capabilities) {
    return String.join(
        ", ", capabilities.stream().map(ProviderCapability::value).sorted().toList());
  }
}
