package io.camelvk.pod.env;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The service-link variables the kubelet sets ({@code pkg/kubelet/envvars}): the {@code kubernetes}
 * service of the default namespace always, the pod namespace's services when {@code
 * enableServiceLinks} is not false.
 */
final class ServiceLinks {

  static final String MASTER_NAMESPACE = "default";
  static final String MASTER_SERVICE = "kubernetes";

  private ServiceLinks() {}

  static Map<String, String> variables(
      ConfigLookup lookup, String namespace, boolean enableServiceLinks) {
    Map<String, Service> byName = new TreeMap<>();
    lookup.services(MASTER_NAMESPACE).stream()
        .filter(s -> MASTER_SERVICE.equals(s.getMetadata().getName()) && hasClusterIp(s))
        .forEach(s -> byName.put(MASTER_SERVICE, s));
    if (enableServiceLinks) {
      lookup.services(namespace).stream()
          .filter(ServiceLinks::hasClusterIp)
          .filter(
              s ->
                  !(namespace.equals(MASTER_NAMESPACE)
                      && MASTER_SERVICE.equals(s.getMetadata().getName())))
          .forEach(s -> byName.put(s.getMetadata().getName(), s));
    }
    Map<String, String> variables = new LinkedHashMap<>();
    byName.values().forEach(s -> addService(variables, s));
    return variables;
  }

  private static boolean hasClusterIp(Service service) {
    String ip = service.getSpec() == null ? null : service.getSpec().getClusterIP();
    return ip != null
        && !ip.isEmpty()
        && !"None".equals(ip)
        && !service.getSpec().getPorts().isEmpty();
  }

  private static void addService(Map<String, String> variables, Service service) {
    String prefix = variableName(service.getMetadata().getName());
    String ip = service.getSpec().getClusterIP();
    List<ServicePort> ports = service.getSpec().getPorts();
    variables.put(prefix + "_SERVICE_HOST", ip);
    variables.put(prefix + "_SERVICE_PORT", ports.getFirst().getPort().toString());
    for (ServicePort port : ports) {
      if (port.getName() != null && !port.getName().isEmpty()) {
        variables.put(
            prefix + "_SERVICE_PORT_" + variableName(port.getName()), port.getPort().toString());
      }
    }
    for (int i = 0; i < ports.size(); i++) {
      ServicePort port = ports.get(i);
      String protocol =
          port.getProtocol() == null || port.getProtocol().isEmpty() ? "TCP" : port.getProtocol();
      String hostPort = (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port.getPort();
      String url = protocol.toLowerCase(Locale.ROOT) + "://" + hostPort;
      if (i == 0) {
        variables.put(prefix + "_PORT", url);
      }
      String portPrefix =
          prefix + "_PORT_" + port.getPort() + "_" + protocol.toUpperCase(Locale.ROOT);
      variables.put(portPrefix, url);
      variables.put(portPrefix + "_PROTO", protocol.toLowerCase(Locale.ROOT));
      variables.put(portPrefix + "_PORT", port.getPort().toString());
      variables.put(portPrefix + "_ADDR", ip);
    }
  }

  static String variableName(String name) {
    return name.toUpperCase(Locale.ROOT).replace('-', '_');
  }
}
