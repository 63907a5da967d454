package io.camelvk.api;

import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Asks the API server whether a caller may use one subresource of our node. */
final class NodeAuthorizer {

  private final KubernetesClient client;
  private final String nodeName;

  NodeAuthorizer(KubernetesClient client, String nodeName) {
    this.client = client;
    this.nodeName = nodeName;
  }

  boolean allowed(Caller caller, String verb, String subresource) {
    SubjectAccessReview review =
        client
            .resource(
                new SubjectAccessReviewBuilder()
                    .withNewSpec()
                    .withUser(caller.user())
                    .withUid(caller.uid().isEmpty() ? null : caller.uid())
                    .withGroups(caller.groups())
                    .withExtra(caller.extra())
                    .withNewResourceAttributes()
                    .withVerb(verb)
                    .withVersion("v1")
                    .withResource("nodes")
                    .withSubresource(subresource)
                    .withName(nodeName)
                    .endResourceAttributes()
                    .endSpec()
                    .build())
            .create();
    return review.getStatus() != null && Boolean.TRUE.equals(review.getStatus().getAllowed());
  }
}
