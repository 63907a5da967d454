package io.camelvk.test;

/**
 * What metrics-server's shipped manifests create, for a metrics-server that runs as a local process
 * instead of a pod: its ServiceAccount and RBAC, a Service without selector whose one EndpointSlice
 * points at the host address and port it listens on, and the {@code v1beta1.metrics.k8s.io}
 * APIService that the API server's aggregator proxies to it.
 */
final class MetricsServerManifest {

  static final String SERVICE_ACCOUNT = "metrics-server";
  static final String SERVICE = "metrics-server";
  static final String API_SERVICE = "v1beta1.metrics.k8s.io";

  private MetricsServerManifest() {}

  /**
   * @param clusterName prefix of the cluster-scoped and kube-system objects, unique per test
   * @param caBundle base64 of the CA that signed metrics-server's serving certificate
   */
  static String yaml(
      String namespace, String clusterName, String hostAddress, int port, String caBundle) {
    return """
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: %1$s, namespace: %2$s}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: %3$s}
        rules:
        - {apiGroups: [""], resources: [nodes/metrics], verbs: [get]}
        - {apiGroups: [""], resources: [pods, nodes], verbs: [get, list, watch]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: %3$s}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: %3$s}
        subjects: [{kind: ServiceAccount, name: %1$s, namespace: %2$s}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: %3$s-auth-delegator}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: system:auth-delegator}
        subjects: [{kind: ServiceAccount, name: %1$s, namespace: %2$s}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: %3$s-auth-reader, namespace: kube-system}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: extension-apiserver-authentication-reader}
        subjects: [{kind: ServiceAccount, name: %1$s, namespace: %2$s}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: %4$s, namespace: %2$s}
        spec:
          ports: [{name: https, port: 443, targetPort: %6$d, protocol: TCP}]
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata:
          name: %4$s-local
          namespace: %2$s
          labels:
            kubernetes.io/service-name: %4$s
            endpointslice.kubernetes.io/managed-by: camel-virtual-kubelet-tests
        addressType: IPv4
        endpoints: [{addresses: ["%5$s"], conditions: {ready: true}}]
        ports: [{name: https, port: %6$d, protocol: TCP}]
        ---
        apiVersion: apiregistration.k8s.io/v1
        kind: APIService
        metadata: {name: %7$s}
        spec:
          service: {name: %4$s, namespace: %2$s, port: 443}
          group: metrics.k8s.io
          version: v1beta1
          caBundle: %8$s
          groupPriorityMinimum: 100
          versionPriority: 100
        """
        .formatted(
            SERVICE_ACCOUNT,
            namespace,
            clusterName,
            SERVICE,
            hostAddress,
            port,
            API_SERVICE,
            caBundle);
  }
}
