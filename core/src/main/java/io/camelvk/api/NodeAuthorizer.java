package io.camelvk.api;

import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks the API server whether a caller may use one subresource of our node, remembering the answer
 * as the kubelet does: allowed for {@link #ALLOWED_TTL}, denied for {@link #DENIED_TTL}.
 */
final class NodeAuthorizer {

  static final Duration ALLOWED_TTL = Duration.ofMinutes(5);
  static final Duration DENIED_TTL = Duration.ofSeconds(30);

  private record Question(Caller caller, String verb, String subresource) {}

  private final KubernetesClient client;
  private final String nodeName;
  private final ExpiringCache<Question, Boolean> answers;

  NodeAuthorizer(KubernetesClient client, String nodeName, Clock clock) {
    this.client = client;
    this.nodeName = nodeName;
    this.answers = new ExpiringCache<>(clock);
  }

  boolean allowed(Caller caller, String verb, String subresource) {
    Question question = new Question(caller, verb, subresource);
    Optional<Boolean> known = answers.get(question);
    if (known.isPresent()) {
      return known.get();
    }
    boolean allowed = review(caller, verb, subresource);
    answers.put(question, allowed, allowed ? ALLOWED_TTL : DENIED_TTL);
    return allowed;
  }

  private boolean review(Caller caller, String verb, String subresource) {
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
