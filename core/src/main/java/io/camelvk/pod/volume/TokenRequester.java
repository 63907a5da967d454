package io.camelvk.pod.volume;

import io.fabric8.kubernetes.api.model.authentication.TokenRequest;

/** Asks the API server for a token of a ServiceAccount: a POST on {@code serviceaccounts/token}. */
@FunctionalInterface
public interface TokenRequester {

  /**
   * @return the request with its status (the token and when it expires)
   * @throws io.fabric8.kubernetes.client.KubernetesClientException when the API server refuses
   */
  TokenRequest request(String namespace, String serviceAccount, TokenRequest request);
}
