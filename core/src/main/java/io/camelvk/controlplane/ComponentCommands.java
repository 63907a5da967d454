package io.camelvk.controlplane;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command lines of the four control-plane components, all bound to loopback. */
final class ComponentCommands {

  static final String SERVICE_CIDR = "10.0.0.0/24";
  static final String SERVICE_ACCOUNT_ISSUER = "https://kubernetes.default.svc.cluster.local";
  private static final String LOOPBACK = "127.0.0.1";

  /** Ports picked at run time for one control plane. */
  record Ports(int etcdClient, int etcdPeer, int apiServer, int scheduler, int controllerManager) {
    static Ports pick() {
      return new Ports(
          LoopbackPorts.free(),
          LoopbackPorts.free(),
          LoopbackPorts.free(),
          LoopbackPorts.free(),
          LoopbackPorts.free());
    }
  }

  private final ControlPlaneBinaries binaries;
  private final Path runDir;
  private final ControlPlaneCertificates pki;
  private final Ports ports;
  private final ControlPlaneOptions options;

  ComponentCommands(
      ControlPlaneBinaries binaries,
      Path runDir,
      ControlPlaneCertificates pki,
      Ports ports,
      ControlPlaneOptions options) {
    this.binaries = binaries;
    this.runDir = runDir;
    this.pki = pki;
    this.ports = ports;
    this.options = options;
  }

  String etcdUrl() {
    return "http://" + LOOPBACK + ":" + ports.etcdClient();
  }

  String apiServerUrl() {
    return "https://" + LOOPBACK + ":" + ports.apiServer();
  }

  String schedulerUrl() {
    return "https://" + LOOPBACK + ":" + ports.scheduler();
  }

  String controllerManagerUrl() {
    return "https://" + LOOPBACK + ":" + ports.controllerManager();
  }

  List<String> etcd() {
    String peer = "http://" + LOOPBACK + ":" + ports.etcdPeer();
    return command(
        "etcd",
        List.of(
            "--name=vk",
            "--data-dir=" + runDir.resolve("etcd"),
            "--listen-client-urls=" + etcdUrl(),
            "--advertise-client-urls=" + etcdUrl(),
            "--listen-peer-urls=" + peer,
            "--initial-advertise-peer-urls=" + peer,
            "--initial-cluster=vk=" + peer,
            "--unsafe-no-fsync",
            "--log-level=warn"),
        options.etcdArgs());
  }

  List<String> apiServer() {
    return command(
        "kube-apiserver",
        List.of(
            "--etcd-servers=" + etcdUrl(),
            "--secure-port=" + ports.apiServer(),
            "--bind-address=" + LOOPBACK,
            "--advertise-address=" + LOOPBACK,
            "--endpoint-reconciler-type=none",
            "--tls-cert-file=" + pki.apiServerCertificate(),
            "--tls-private-key-file=" + pki.apiServerKey(),
            "--client-ca-file=" + pki.caCertificate(),
            "--service-account-issuer=" + SERVICE_ACCOUNT_ISSUER,
            "--service-account-key-file=" + pki.serviceAccountPublicKey(),
            "--service-account-signing-key-file=" + pki.serviceAccountPrivateKey(),
            "--authorization-mode=Node,RBAC",
            "--service-cluster-ip-range=" + SERVICE_CIDR,
            "--allow-privileged=true",
            "--kubelet-client-certificate=" + pki.kubeletClientCertificate(),
            "--kubelet-client-key=" + pki.kubeletClientKey(),
            "--kubelet-certificate-authority=" + pki.caCertificate(),
            "--profiling=false"),
        aggregation(),
        options.apiServerArgs());
  }

  /**
   * The aggregation layer, for extension API servers such as metrics-server. No kube-proxy runs, so
   * the aggregator dials a service's endpoints itself instead of its cluster IP.
   */
  private List<String> aggregation() {
    return List.of(
        "--requestheader-client-ca-file=" + pki.frontProxyCaCertificate(),
        "--requestheader-allowed-names=" + ControlPlaneCertificates.FRONT_PROXY_CLIENT_USER,
        "--requestheader-username-headers=X-Remote-User",
        "--requestheader-group-headers=X-Remote-Group",
        "--requestheader-extra-headers-prefix=X-Remote-Extra-",
        "--proxy-client-cert-file=" + pki.frontProxyClientCertificate(),
        "--proxy-client-key-file=" + pki.frontProxyClientKey(),
        "--enable-aggregator-routing=true");
  }

  List<String> scheduler(Path kubeconfig) {
    return command(
        "kube-scheduler",
        controllerArgs(kubeconfig, ports.scheduler(), "scheduler"),
        options.schedulerArgs());
  }

  List<String> controllerManager(Path kubeconfig) {
    List<String> args =
        new ArrayList<>(
            controllerArgs(kubeconfig, ports.controllerManager(), "controller-manager"));
    args.addAll(
        List.of(
            "--service-account-private-key-file=" + pki.serviceAccountPrivateKey(),
            "--root-ca-file=" + pki.caCertificate(),
            "--cluster-signing-cert-file=" + pki.caCertificate(),
            "--cluster-signing-key-file=" + pki.caKey(),
            "--use-service-account-credentials=false"));
    return command("kube-controller-manager", args, options.controllerManagerArgs());
  }

  private List<String> controllerArgs(Path kubeconfig, int port, String certName) {
    return List.of(
        "--kubeconfig=" + kubeconfig,
        "--authentication-kubeconfig=" + kubeconfig,
        "--authorization-kubeconfig=" + kubeconfig,
        "--leader-elect=false",
        "--bind-address=" + LOOPBACK,
        "--secure-port=" + port,
        "--tls-cert-file=" + pki.servingCertificate(certName),
        "--tls-private-key-file=" + pki.servingKey(certName),
        "--kube-api-qps=" + options.controllerQps(),
        "--kube-api-burst=" + options.controllerBurst());
  }

  private List<String> command(String binary, List<String> args, List<String> extra) {
    return command(binary, args, List.of(), extra);
  }

  private List<String> command(
      String binary, List<String> args, List<String> moreArgs, List<String> extra) {
    List<String> command = new ArrayList<>();
    command.add(binaries.binary(binary).toString());
    command.addAll(args);
    command.addAll(moreArgs);
    command.addAll(extra);
    return command;
  }
}
