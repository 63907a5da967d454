package io.camelvk.test;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a virtual kubelet per test class on the class's {@link TestCluster}; see {@link
 * WithVirtualKubelet}.
 */
public final class VirtualKubeletExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  @Override
  public void beforeAll(ExtensionContext context) {
    store(context)
        .put(
            RunningKubelet.class,
            RunningKubelet.startForClass(ControlPlaneExtension.cluster(context)));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    RunningKubelet kubelet = store(context).get(RunningKubelet.class, RunningKubelet.class);
    if (kubelet != null) {
      kubelet.stopAndDeleteNode(ControlPlaneExtension.cluster(context));
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RunningKubelet.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return store(context).get(RunningKubelet.class, RunningKubelet.class);
  }

  private static ExtensionContext.Store store(ExtensionContext context) {
    return context.getStore(
        ExtensionContext.Namespace.create(
            VirtualKubeletExtension.class, context.getRequiredTestClass()));
  }
}
