package io.camelvk.provider;

/**
 * The provider will never run this pod as it is: the pod fails at once with the message, and is not
 * retried. A route throws it with {@code throwException: {exceptionType:
 * io.camelvk.provider.PodRefusedException, message: "..."}}.
 */
public final class PodRefusedException extends ProviderException {

  public PodRefusedException(String message) {
    super(Kind.INVALID, message);
  }
}
