package io.camelvk.provider;

/**
 * The headers of the exchanges the core sends to a provider's route, {@code
 * direct:provider-<name>}, and to the provider mapping, {@code direct:vk-provider-mapping}; and the
 * ones a provider sets when it reports to {@code direct:vk-pod-status}. docs/providers/README.md
 * documents each with its operations.
 */
public final class VkHeaders {

  /** The provider's name (String); set by the provider mapping for a pod about to be created. */
  public static final String PROVIDER = "VkProvider";

  /** What the core asks, one of {@link ProviderOperation}'s values (String, lower case). */
  public static final String OPERATION = "VkOperation";

  /** The pod's namespace (String). */
  public static final String POD_NAMESPACE = "VkPodNamespace";

  /** The pod's name (String). */
  public static final String POD_NAME = "VkPodName";

  /** The pod's UID (String); absent when the core does not know it. */
  public static final String POD_UID = "VkPodUid";

  /**
   * On {@code delete}: how many seconds the pod's containers get to stop before they are stopped by
   * force (Long; the kubelet's grace period, at least 2). A route may answer with the containers'
   * last states as a {@code PodStatus} body.
   */
  public static final String POD_GRACE_PERIOD = "VkPodGracePeriodSeconds";

  /**
   * {@code create} and {@code update}, for a provider that declares {@code volumes}: the pod's
   * volumes with their files ({@link io.camelvk.provider.volume.PodVolumes}). Absent for other
   * providers, and on an update whose volumes cannot be read just now (the provider keeps the ones
   * it has).
   */
  public static final String POD_VOLUMES = "VkPodVolumes";

  /** The pod's labels (Map of String to String, never null). Mapping only. */
  public static final String POD_LABELS = "VkPodLabels";

  /** The pod's annotations (Map of String to String, never null). Mapping only. */
  public static final String POD_ANNOTATIONS = "VkPodAnnotations";

  /** The pod's {@code spec.nodeSelector} (Map of String to String, never null). Mapping only. */
  public static final String POD_NODE_SELECTOR = "VkPodNodeSelector";

  /** The pod's {@code spec.runtimeClassName} (String), absent when it has none. Mapping only. */
  public static final String POD_RUNTIME_CLASS = "VkPodRuntimeClass";

  /**
   * What the pod requests, as the scheduler counts it: Map of resource name to a Long, {@code cpu}
   * in millicores ({@code 250m} is 250), everything else in whole units (bytes of {@code memory},
   * counts of {@code nvidia.com/gpu}). Mapping only.
   */
  public static final String POD_REQUESTS = "VkPodRequests";

  /**
   * {@code direct:vk-pod-event}: the event's type, {@code Normal} (the default) or {@code Warning}.
   */
  public static final String EVENT_TYPE = "VkEventType";

  /** {@code direct:vk-pod-event}: the event's reason, a CamelCase word (String). */
  public static final String EVENT_REASON = "VkEventReason";

  /** The container of a {@code logs} request (String). */
  public static final String CONTAINER_NAME = "VkContainerName";

  /** {@code logs}: the last lines only (Integer), absent for all. */
  public static final String LOG_TAIL_LINES = "VkLogTailLines";

  /** {@code logs}: only lines written at or after this time (RFC 3339 String), absent for all. */
  public static final String LOG_SINCE_TIME = "VkLogSinceTime";

  /** {@code logs}: at most this many bytes (Long), absent for no limit. */
  public static final String LOG_LIMIT_BYTES = "VkLogLimitBytes";

  /** {@code logs}: prefix each line with its RFC 3339 time (Boolean). */
  public static final String LOG_TIMESTAMPS = "VkLogTimestamps";

  /** {@code logs}: the previous instance of the container (Boolean). */
  public static final String LOG_PREVIOUS = "VkLogPrevious";

  /** {@code logs}: keep the stream open and send new lines as they come (Boolean). */
  public static final String LOG_FOLLOW = "VkLogFollow";

  /** {@code node}: the node the provider backs (String). */
  public static final String NODE_NAME = "VkNodeName";

  /** How many times this pod's sync has failed since it last succeeded (Integer). */
  public static final String ATTEMPT = "VkAttempt";

  /**
   * On a report to {@code direct:vk-pod-status}: {@code true} makes the call return only once a
   * sync that began after the report has ended, so the reported status is in the API server (or
   * there was nothing to write, or the pod is gone). The call fails with {@link
   * StatusNotWrittenException} when that sync failed or none ended within 30 s (Boolean).
   */
  public static final String AWAIT_WRITE = "VkAwaitWrite";

  private VkHeaders() {}
}
