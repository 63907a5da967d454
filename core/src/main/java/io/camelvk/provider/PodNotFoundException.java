package io.camelvk.provider;

/**
 * The provider does not know the pod or container: a delete counts as done, a log or exec request
 * is answered as the kubelet does for a missing container. A route throws it with {@code
 * throwException}.
 */
public final class PodNotFoundException extends ProviderException {

  public PodNotFoundException(String message) {
    super(Kind.NOT_FOUND, message);
  }
}
