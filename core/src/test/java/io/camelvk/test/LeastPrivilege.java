package io.camelvk.test;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Client configuration for a kubelet under test that has only what the repository documents: a
 * ServiceAccount of the test namespace bound to {@code k8s/clusterrole.yaml}, authenticated with a
 * token from the TokenRequest API (no admin certificate).
 */
public final class LeastPrivilege {

  public static final Path CLUSTER_ROLE = ProjectRoot.resolve("k8s/clusterrole.yaml");
  static final String SERVICE_ACCOUNT = "virtual-kubelet";
  static final long TOKEN_SECONDS = 24 * 3600;

  private LeastPrivilege() {}

  public static Config kubeletConfig(TestCluster cluster) {
    var client = cluster.client();
    ClusterRole role = clusterRole(cluster);
    client.rbac().clusterRoles().resource(role).forceConflicts().serverSideApply();
    String namespace = cluster.namespace();
    client
        .serviceAccounts()
        .inNamespace(namespace)
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(SERVICE_ACCOUNT)
                .withNamespace(namespace)
                .endMetadata()
                .build())
        .forceConflicts()
        .serverSideApply();
    client
        .rbac()
        .clusterRoleBindings()
        .resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName(role.getMetadata().getName() + "-" + namespace)
                .endMetadata()
                .withNewRoleRef(
                    "rbac.authorization.k8s.io", "ClusterRole", role.getMetadata().getName())
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(SERVICE_ACCOUNT)
                .withNamespace(namespace)
                .endSubject()
                .build())
        .forceConflicts()
        .serverSideApply();
    String token =
        client
            .serviceAccounts()
            .inNamespace(namespace)
            .withName(SERVICE_ACCOUNT)
            .tokenRequest(
                new TokenRequestBuilder()
                    .withNewSpec()
                    .withExpirationSeconds(TOKEN_SECONDS)
                    .endSpec()
                    .build())
            .getStatus()
            .getToken();
    Config admin = Config.fromKubeconfig(cluster.kubeconfig().toFile());
    return new ConfigBuilder(Config.empty())
        .withMasterUrl(admin.getMasterUrl())
        .withCaCertFile(admin.getCaCertFile())
        .withCaCertData(admin.getCaCertData())
        .withOauthToken(token)
        .build();
  }

  private static ClusterRole clusterRole(TestCluster cluster) {
    try (InputStream in = Files.newInputStream(CLUSTER_ROLE)) {
      return cluster.client().getKubernetesSerialization().unmarshal(in, ClusterRole.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + CLUSTER_ROLE, e);
    }
  }
}
