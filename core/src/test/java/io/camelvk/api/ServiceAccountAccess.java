package io.camelvk.api;

import io.camelvk.test.TestCluster;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** ServiceAccounts of a test namespace, their tokens, and rights on the kubelet API. */
final class ServiceAccountAccess {

  private ServiceAccountAccess() {}

  /** Creates the ServiceAccount and returns a token of it from the TokenRequest API. */
  static String token(TestCluster cluster, String name) {
    var accounts = cluster.client().serviceAccounts().inNamespace(cluster.namespace());
    accounts
        .resource(
            new ServiceAccountBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return accounts
        .withName(name)
        .tokenRequest(
            new TokenRequestBuilder().withNewSpec().withExpirationSeconds(600L).endSpec().build())
        .getStatus()
        .getToken();
  }

  /** The token as a WebSocket subprotocol offer. */
  static String subprotocol(String token) {
    return WebSocketBearerToken.PREFIX
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(token.getBytes(StandardCharsets.UTF_8));
  }

  /** Grants the account {@code get} and {@code create} on {@code nodes/proxy} (exec, attach...). */
  static void grantNodesProxy(TestCluster cluster, String role, String account) {
    cluster
        .client()
        .rbac()
        .clusterRoles()
        .resource(
            new ClusterRoleBuilder()
                .withNewMetadata()
                .withName(role)
                .endMetadata()
                .addNewRule()
                .withApiGroups("")
                .withResources("nodes/proxy")
                .withVerbs("get", "create")
                .endRule()
                .build())
        .create();
    cluster
        .client()
        .rbac()
        .clusterRoleBindings()
        .resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName(role)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", role)
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(account)
                .withNamespace(cluster.namespace())
                .endSubject()
                .build())
        .create();
  }

  /** Removes what {@link #grantNodesProxy} created (cluster-scoped, so it outlives the class). */
  static void revoke(TestCluster cluster, String role) {
    cluster.client().rbac().clusterRoleBindings().withName(role).delete();
    cluster.client().rbac().clusterRoles().withName(role).delete();
  }
}
