package io.camelvk;

import io.camelvk.metrics.KubeletMetrics;
import org.apache.camel.CamelContext;
import org.apache.camel.Service;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;

/**
 * What Camel gets beside the routes: route metrics (exchanges and their time, per route) in the
 * kubelet's registry, so {@code /metrics} shows them; and the kubelet API as a service that starts
 * with Camel and stops with it.
 */
final class CamelSetUp extends MainListenerSupport {

  private final Service kubeletApi;
  private final KubeletMetrics metrics;

  private CamelSetUp(Service kubeletApi, KubeletMetrics metrics) {
    this.kubeletApi = kubeletApi;
    this.metrics = metrics;
  }

  static CamelSetUp of(Service kubeletApi, KubeletMetrics metrics) {
    return new CamelSetUp(kubeletApi, metrics);
  }

  @Override
  public void beforeConfigure(BaseMainSupport main) {
    MicrometerRoutePolicyFactory routeMetrics = new MicrometerRoutePolicyFactory();
    routeMetrics.setMeterRegistry(metrics.registry());
    main.getCamelContext().addRoutePolicyFactory(routeMetrics);
  }

  @Override
  public void afterConfigure(BaseMainSupport main) {
    CamelContext context = main.getCamelContext();
    try {
      context.addService(kubeletApi, true, true);
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
