package io.camelvk.providers.interlink;

import io.camelvk.provider.ContainerLogs;
import io.camelvk.provider.LogOptions;
import io.camelvk.provider.NodeChangeNotifier;
import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.PodNotFoundException;
import io.camelvk.provider.Provider;
import io.camelvk.provider.VolumeMounts;
import io.camelvk.provider.volume.PodVolumes;
import io.camelvk.providers.interlink.StatusBatch.Known;
import io.camelvk.providers.interlink.StatusBatch.Lookup;
import io.camelvk.providers.interlink.StatusBatch.Unknown;
import io.camelvk.providers.interlink.transport.InterlinkTransport;
import io.camelvk.providers.interlink.wire.LogStruct;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pods run by an interLink plugin or API server (docs/providers/interlink.md). interLink has no
 * update call: an update is accepted and changes nothing remote, as interLink's own virtual kubelet
 * does.
 */
public final class InterlinkProvider
    implements Provider, ContainerLogs, VolumeMounts, NodeChangeNotifier, AutoCloseable {

  public static final String NAME = "interlink";

  private static final Logger LOG = LoggerFactory.getLogger(InterlinkProvider.class);

  private final InterlinkClient client;
  private final JobLedger ledger;
  private final StatusBatch statuses;
  private final BackendHealth health;
  private final InterlinkTransport transport;
  private final InterlinkDialect dialect;
  private final Map<String, PodVolumes> volumesToShip = new ConcurrentHashMap<>();
  private final AtomicReference<Runnable> nodeListener = new AtomicReference<>(() -> {});

  InterlinkProvider(
      InterlinkTransport transport,
      InterlinkClient client,
      JobLedger ledger,
      StatusBatch statuses,
      BackendHealth health,
      InterlinkDialect dialect) {
    this.transport = transport;
    this.client = client;
    this.ledger = ledger;
    this.statuses = statuses;
    this.dialect = dialect;
    this.health = health;
    client.onAvailabilityChange(this::tellNodeChanged);
  }

  @Override
  public void mountVolumes(Pod pod, PodVolumes volumes) {
    volumesToShip.put(pod.getMetadata().getUid(), volumes);
  }

  @Override
  public void createPod(Pod pod) {
    String uid = pod.getMetadata().getUid();
    PodVolumes volumes = Optional.ofNullable(volumesToShip.remove(uid)).orElse(PodVolumes.NONE);
    if (ledger.byUid(uid).isPresent()) {
      return;
    }
    Pod sent = VolumeShipping.downwardApiAsProjected(pod);
    Optional<String> jobId = client.create(sent, VolumeShipping.ship(pod, volumes));
    ledger.record(sent, jobId.orElse(""));
  }

  @Override
  public void updatePod(Pod pod) {
    volumesToShip.remove(pod.getMetadata().getUid());
  }

  @Override
  public void deletePod(Pod pod) {
    String uid = pod.getMetadata().getUid();
    Optional<JobLedger.Job> job = ledger.byUid(uid);
    if (job.isEmpty()) {
      return;
    }
    try {
      client.delete(job.get().pod());
    } catch (PodNotFoundException e) {
      // the backend forgot it already
    }
    ledger.forget(uid);
  }

  @Override
  public Optional<PodStatus> podStatus(String namespace, String name) {
    Optional<JobLedger.Job> job = ledger.byName(namespace, name);
    if (job.isEmpty()) {
      return Optional.empty();
    }
    Lookup lookup = statuses.lookup(job.get().uid());
    if (lookup instanceof Known known) {
      return Optional.of(StatusTranslation.toPodStatus(known.status()));
    }
    if (lookup instanceof Unknown) {
      ledger.forget(job.get().uid());
      return Optional.empty();
    }
    return Optional.of(new PodStatus());
  }

  @Override
  public List<Pod> pods() {
    return ledger.all().stream().map(JobLedger.Job::pod).toList();
  }

  @Override
  public InputStream logs(String namespace, String pod, String container, LogOptions options) {
    JobLedger.Job job =
        ledger
            .byName(namespace, pod)
            .orElseThrow(
                () -> new PodNotFoundException("interlink runs no pod " + namespace + "/" + pod));
    LogStruct request =
        new LogStruct(
            namespace, job.uid(), pod, container, LogOpts.of(options, dialect.logBytesField()));
    return client.logs(request, options.follow());
  }

  @Override
  public NodeProfile nodeProfile(String nodeName) {
    return health.profile();
  }

  /**
   * The node's Ready condition follows the backend's circuit: it changes when the circuit does. The
   * last listener is the one told (a restarted kubelet registers anew).
   */
  @Override
  public void onNodeChange(Runnable listener) {
    nodeListener.set(listener);
  }

  private void tellNodeChanged() {
    try {
      nodeListener.get().run();
    } catch (RuntimeException e) {
      LOG.warn("cannot tell the core that interLink's availability changed: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    transport.close();
  }
}
