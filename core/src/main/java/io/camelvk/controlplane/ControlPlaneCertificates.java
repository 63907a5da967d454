package io.camelvk.controlplane;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;

/**
 * The PKI of a local control plane, written as PEM files into one directory: a CA, the API server's
 * serving certificate, an admin client certificate (group {@code system:masters}), the API server's
 * client certificate for calls to kubelets, the service-account key pair, and a separate
 * front-proxy CA with the client certificate the API server's aggregator proxies with to extension
 * API servers (metrics-server), which trust that CA for the user it names in request headers.
 */
public final class ControlPlaneCertificates {

  static final String ADMIN_USER = "kubernetes-admin";
  static final String ADMIN_GROUP = "system:masters";
  static final String KUBELET_CLIENT_USER = "kube-apiserver-kubelet-client";
  static final String FRONT_PROXY_CLIENT_USER = "front-proxy-client";
  static final List<String> API_SERVER_DNS_NAMES =
      List.of(
          "localhost",
          "kubernetes",
          "kubernetes.default",
          "kubernetes.default.svc",
          "kubernetes.default.svc.cluster.local");
  private static final List<String> LOOPBACK_SERVING_COMPONENTS =
      List.of("scheduler", "controller-manager");
  private static final int SERVICE_ACCOUNT_KEY_BITS = 2048;

  private final Path dir;
  private final CertificateAuthority ca;
  private final IssuedCertificate admin;

  private ControlPlaneCertificates(Path dir, CertificateAuthority ca, IssuedCertificate admin) {
    this.dir = dir;
    this.ca = ca;
    this.admin = admin;
  }

  /**
   * Generates every certificate and key into {@code dir}.
   *
   * @param serviceIp the first address of the service CIDR, which pods use to reach the API server
   */
  public static ControlPlaneCertificates generate(Path dir, String serviceIp) {
    CertificateAuthority ca = CertificateAuthority.create("camel-virtual-kubelet-ca");
    ca.identity().writePem(dir.resolve("ca.crt"), dir.resolve("ca.key"));
    ca.issueServer("kube-apiserver", API_SERVER_DNS_NAMES, List.of("127.0.0.1", serviceIp))
        .writePem(dir.resolve("apiserver.crt"), dir.resolve("apiserver.key"));
    ca.issueClient(KUBELET_CLIENT_USER, List.of(ADMIN_GROUP))
        .writePem(dir.resolve("kubelet-client.crt"), dir.resolve("kubelet-client.key"));
    IssuedCertificate admin = ca.issueClient(ADMIN_USER, List.of(ADMIN_GROUP));
    admin.writePem(dir.resolve("admin.crt"), dir.resolve("admin.key"));
    for (String component : LOOPBACK_SERVING_COMPONENTS) {
      ca.issueServer("kube-" + component, List.of("localhost"), List.of("127.0.0.1"))
          .writePem(dir.resolve(component + ".crt"), dir.resolve(component + ".key"));
    }
    writeServiceAccountKeys(dir);
    CertificateAuthority frontProxy =
        CertificateAuthority.create("camel-virtual-kubelet-front-proxy-ca");
    frontProxy
        .identity()
        .writePem(dir.resolve("front-proxy-ca.crt"), dir.resolve("front-proxy-ca.key"));
    frontProxy
        .issueClient(FRONT_PROXY_CLIENT_USER, List.of())
        .writePem(dir.resolve("front-proxy-client.crt"), dir.resolve("front-proxy-client.key"));
    return new ControlPlaneCertificates(dir, ca, admin);
  }

  private static void writeServiceAccountKeys(Path dir) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(SERVICE_ACCOUNT_KEY_BITS);
      KeyPair keys = generator.generateKeyPair();
      IssuedCertificate.writeFile(
          dir.resolve("sa.pub"), IssuedCertificate.pem(keys.getPublic()), false);
      IssuedCertificate.writeFile(
          dir.resolve("sa.key"), IssuedCertificate.privateKeyPem(keys.getPrivate()), true);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate the service-account key pair", e);
    }
  }

  /** The CA, so that later components (the kubelet API) can have certificates issued by it. */
  public CertificateAuthority ca() {
    return ca;
  }

  public IssuedCertificate admin() {
    return admin;
  }

  public Path caCertificate() {
    return dir.resolve("ca.crt");
  }

  public Path caKey() {
    return dir.resolve("ca.key");
  }

  public Path apiServerCertificate() {
    return dir.resolve("apiserver.crt");
  }

  public Path apiServerKey() {
    return dir.resolve("apiserver.key");
  }

  public Path kubeletClientCertificate() {
    return dir.resolve("kubelet-client.crt");
  }

  public Path kubeletClientKey() {
    return dir.resolve("kubelet-client.key");
  }

  /** The CA that extension API servers trust for the aggregator's request headers. */
  public Path frontProxyCaCertificate() {
    return dir.resolve("front-proxy-ca.crt");
  }

  Path frontProxyClientCertificate() {
    return dir.resolve("front-proxy-client.crt");
  }

  Path frontProxyClientKey() {
    return dir.resolve("front-proxy-client.key");
  }

  /** The serving certificate of the scheduler or the controller manager. */
  Path servingCertificate(String component) {
    return dir.resolve(component + ".crt");
  }

  Path servingKey(String component) {
    return dir.resolve(component + ".key");
  }

  public Path serviceAccountPublicKey() {
    return dir.resolve("sa.pub");
  }

  public Path serviceAccountPrivateKey() {
    return dir.resolve("sa.key");
  }

  @Override
  public String toString() {
    return "ControlPlaneCertificates[" + dir + "]";
  }
}
