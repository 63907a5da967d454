package io.camelvk.pod.env;

/** The event reasons of the Go virtual-kubelet's environment resolution (node/env.go). */
public final class EnvReasons {

  public static final String OPTIONAL_CONFIG_MAP_NOT_FOUND = "OptionalConfigMapNotFound";
  public static final String OPTIONAL_CONFIG_MAP_KEY_NOT_FOUND = "OptionalConfigMapKeyNotFound";
  public static final String MANDATORY_CONFIG_MAP_NOT_FOUND = "MandatoryConfigMapNotFound";
  public static final String MANDATORY_CONFIG_MAP_KEY_NOT_FOUND = "MandatoryConfigMapKeyNotFound";
  public static final String OPTIONAL_SECRET_NOT_FOUND = "OptionalSecretNotFound";
  public static final String OPTIONAL_SECRET_KEY_NOT_FOUND = "OptionalSecretKeyNotFound";
  public static final String MANDATORY_SECRET_NOT_FOUND = "MandatorySecretNotFound";
  public static final String MANDATORY_SECRET_KEY_NOT_FOUND = "MandatorySecretKeyNotFound";
  public static final String INVALID_ENVIRONMENT_VARIABLE_NAMES = "InvalidEnvironmentVariableNames";
  public static final String INVALID_FIELD_REFERENCE = "InvalidFieldReference";

  /** The kubelet's reason when a container cannot be created as its spec says. */
  public static final String FAILED = "Failed";

  private EnvReasons() {}
}
