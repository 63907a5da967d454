package io.camelvk.provider.runtime;

/** The names by which the core and a provider's routes meet. */
public final class ProviderRoutes {

  /** The route template of bean providers ({@code routes/bean-provider.yaml}). */
  public static final String BEAN_TEMPLATE = "bean-provider";

  private ProviderRoutes() {}

  /** {@code direct:provider-<name>}: the route that serves the provider's operations. */
  public static String endpointUri(String provider) {
    return "direct:provider-" + provider;
  }

  /** Where a provider's routes are on the classpath. */
  public static String routesPattern(String provider) {
    return "classpath:providers/" + provider + "/*.yaml";
  }

  /** The name a bean provider's operations are bound by, which its template's route calls. */
  public static String beanName(String provider) {
    return provider + "Provider";
  }
}
