package io.camelvk.test;

import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/** Adds YAML routes to a context as Camel Main would load them from files. */
public final class YamlRoutes {

  private YamlRoutes() {}

  /** The route file on the classpath, such as {@code routes/bean-provider.yaml}. */
  public static void fromClasspath(CamelContext context, String path) {
    load(context, ResourceHelper.resolveResource(context, "classpath:" + path));
  }

  /** A route file's text. */
  public static void fromText(CamelContext context, String yaml) {
    load(context, ResourceHelper.fromString("test-routes.yaml", yaml));
  }

  private static void load(CamelContext context, org.apache.camel.spi.Resource resource) {
    try {
      PluginHelper.getRoutesLoader(context).loadRoutes(resource);
    } catch (Exception e) {
      throw new IllegalStateException("cannot load " + resource.getLocation(), e);
    }
  }
}
