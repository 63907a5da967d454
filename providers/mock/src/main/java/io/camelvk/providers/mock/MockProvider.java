package io.camelvk.providers.mock;

import io.camelvk.provider.ContainerAttach;
import io.camelvk.provider.ContainerExec;
import io.camelvk.provider.ContainerLogs;
import io.camelvk.provider.EphemeralContainers;
import io.camelvk.provider.GracefulStop;
import io.camelvk.provider.InPlaceResize;
import io.camelvk.provider.LogOptions;
import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.PodStats;
import io.camelvk.provider.PodStatusNotifier;
import io.camelvk.provider.PortForward;
import io.camelvk.provider.Provider;
import io.camelvk.provider.ProviderException;
import io.camelvk.provider.RemoteStreams;
import io.camelvk.provider.VolumeMounts;
import io.camelvk.provider.volume.PodVolumes;
import io.camelvk.providers.mock.faults.CreateFailures;
import io.camelvk.providers.mock.faults.FaultConfig;
import io.camelvk.providers.mock.faults.FaultInjector;
import io.camelvk.providers.mock.logs.ContainerLog;
import io.camelvk.providers.mock.network.EchoService;
import io.camelvk.providers.mock.network.PortForwarding;
import io.camelvk.providers.mock.pod.ContainerStop;
import io.camelvk.providers.mock.pod.PodBehaviour;
import io.camelvk.providers.mock.pod.ProgramStarter;
import io.camelvk.providers.mock.pod.ResourceUsage;
import io.camelvk.providers.mock.pod.SimulatedPod;
import io.camelvk.providers.mock.pod.StateStore;
import io.camelvk.providers.mock.process.MainProcess;
import io.camelvk.providers.mock.program.ShellPrograms;
import io.camelvk.providers.mock.shell.ExecSession;
import io.camelvk.providers.mock.shell.Shell;
import io.camelvk.providers.mock.volumes.VolumeHandover;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;

/**
 * The embedded provider: pods "run" in memory at once; their containers run their command in a
 * small shell ({@link ShellPrograms}) and behave as their annotations say (see {@link
 * PodBehaviour}). Deterministic: every state is a function of the clock. Its configuration may make
 * a fraction of the lifecycle calls fail or hang ({@link FaultConfig}). Its containers run a small
 * shell on exec and tar for kubectl cp ({@link Shell}), attach shows their output ({@link
 * MainProcess}), and every port of a pod is a loopback echo service ({@link EchoService}), which
 * {@link #close} stops.
 */
public final class MockProvider
    implements Provider,
        GracefulStop,
        InPlaceResize,
        EphemeralContainers,
        ContainerLogs,
        ContainerExec,
        ContainerAttach,
        PortForward,
        PodStats,
        PodStatusNotifier,
        VolumeMounts,
        AutoCloseable {

  public static final String NAME = "mock";

  private final MockProviderConfig config;
  private final Clock clock;
  private final StatusNotifications notifications;
  private final Map<String, SimulatedPod> pods = new ConcurrentHashMap<>();
  private final CreateFailures createFailures = new CreateFailures();
  private final Map<String, Integer> creations = new ConcurrentHashMap<>();
  private final FaultInjector faults;
  private final Optional<StateStore> store;
  private final EchoService echoService = new EchoService();
  private final ProgramStarter programs = new ShellPrograms();
  private final VolumeHandover volumes = new VolumeHandover();

  public MockProvider(
      MockProviderConfig config, Clock clock, ScheduledExecutorService notifications) {
    this.config = config;
    this.clock = clock;
    this.notifications =
        new StatusNotifications(clock, notifications, pod -> pods.get(key(pod.pod())) == pod);
    this.faults = new FaultInjector(config.faults());
    this.store = config.stateDir().map(dir -> new StateStore(dir, ProcessHandle.current().pid()));
    store.ifPresent(this::refresh);
  }

  @Override
  public void createPod(Pod pod) {
    FaultInjector.Fault fault = faults.before("createPod", pod);
    String key = key(pod);
    SimulatedPod existing = pods.get(key);
    if (existing == null || !existing.uid().equals(pod.getMetadata().getUid())) {
      PodBehaviour behaviour = PodBehaviour.of(pod);
      createFailures.failIfAsked(pod, behaviour);
      behaviour.takeCreateTime();
      SimulatedPod created =
          new SimulatedPod(pod, clock.instant(), behaviour, programs, volumes.take(pod));
      store.ifPresent(s -> s.created(pod, created.created()));
      replace(key, created);
      creations.merge(created.uid(), 1, Integer::sum);
      notifications.scheduleNextChange(created);
    }
    faults.after(fault, "createPod", pod);
  }

  /** Times a pod of this UID was started since its last delete; a repeated create is not one. */
  public int creations(String uid) {
    return creations.getOrDefault(uid, 0);
  }

  /** Takes in the pods another process stored and drops the ones it deleted. */
  private synchronized void refresh(StateStore state) {
    state.refresh(
        pods,
        (pod, created) -> new SimulatedPod(pod, created, PodBehaviour.of(pod), programs),
        notifications::scheduleNextChange);
  }

  /** Puts {@code pod} in the place of the pod of that name, whose containers stop. */
  private void replace(String key, SimulatedPod pod) {
    SimulatedPod replaced = pods.put(key, pod);
    if (replaced != null && replaced != pod) {
      replaced.stop();
    }
  }

  @Override
  public void updatePod(Pod pod) {
    FaultInjector.Fault fault = faults.before("updatePod", pod);
    SimulatedPod existing = pods.get(key(pod));
    if (existing == null || !existing.uid().equals(pod.getMetadata().getUid())) {
      throw ProviderException.notFound(
          "mock: no pod " + pod.getMetadata().getName() + " to update");
    }
    SimulatedPod updated = existing.updatedTo(pod, PodBehaviour.of(pod), programs, clock.instant());
    pods.put(key(pod), updated);
    existing.stopUnlessKeptBy(updated);
    notifications.scheduleNextChange(updated);
    faults.after(fault, "updatePod", pod);
  }

  /** A running pod's containers see the files at once; a new pod's create takes them. */
  @Override
  public void mountVolumes(Pod pod, PodVolumes given) {
    Optional<SimulatedPod> running =
        Optional.ofNullable(
                pods.get(key(pod.getMetadata().getNamespace(), pod.getMetadata().getName())))
            .filter(p -> p.uid().equals(pod.getMetadata().getUid()));
    volumes.give(pod, given, running.map(SimulatedPod::volumes));
  }

  @Override
  public void deletePod(Pod pod) {
    FaultInjector.Fault fault = faults.before("deletePod", pod);
    String key = key(pod);
    store.ifPresent(s -> s.deleted(pod));
    SimulatedPod removed = pods.get(key);
    if (removed != null
        && removed.uid().equals(pod.getMetadata().getUid())
        && pods.remove(key, removed)) {
      removed.stop();
    }
    createFailures.forget(pod.getMetadata().getUid());
    volumes.forget(pod.getMetadata().getUid());
    creations.remove(pod.getMetadata().getUid());
    faults.after(fault, "deletePod", pod);
  }

  /** Waits as long as the pod's containers take to stop (its stop duration, at most the grace). */
  @Override
  public Optional<PodStatus> stopPod(Pod pod, Duration gracePeriod) {
    SimulatedPod running =
        pods.get(key(pod.getMetadata().getNamespace(), pod.getMetadata().getName()));
    Optional<PodStatus> last =
        running == null || !running.uid().equals(pod.getMetadata().getUid())
            ? Optional.empty()
            : Optional.of(new ContainerStop(running, clock).stop(gracePeriod));
    deletePod(pod);
    return last;
  }

  @Override
  public Optional<PodStatus> podStatus(String namespace, String name) {
    return Optional.ofNullable(pods.get(key(namespace, name))).map(p -> p.status(clock.instant()));
  }

  @Override
  public List<Pod> pods() {
    store.ifPresent(this::refresh);
    return pods.values().stream().map(SimulatedPod::pod).toList();
  }

  @Override
  public NodeProfile nodeProfile(String nodeName) {
    return config.nodeProfile();
  }

  @Override
  public InputStream logs(String namespace, String pod, String container, LogOptions options) {
    SimulatedPod mock = require(namespace, pod, container);
    return ContainerLog.open(mock, container, options, clock);
  }

  @Override
  public int exec(
      String namespace, String pod, String container, List<String> command, RemoteStreams streams) {
    SimulatedPod mock = require(namespace, pod, container);
    if (mock.timeline(container).at(clock.instant()).state().getRunning() == null) {
      throw ProviderException.invalid(
          "cannot exec in a stopped container: container " + container + " is not running");
    }
    Shell shell =
        new Shell(mock.container(container).orElseThrow(), pod, mock.files(container), clock);
    return ExecSession.exec(shell, command, streams);
  }

  @Override
  public int attach(String namespace, String pod, String container, RemoteStreams streams) {
    SimulatedPod mock = require(namespace, pod, container);
    return MainProcess.attach(
        mock, container, streams, clock, () -> notifications.changedNow(mock));
  }

  @Override
  public void portForward(
      String namespace, String pod, int port, InputStream fromClient, OutputStream toClient) {
    SimulatedPod mock = requirePod(namespace, pod);
    PortForwarding.checkPort(mock, port);
    PortForwarding.forward(echoService.address(), fromClient, toClient);
  }

  /** Stops the echo service behind the pods' ports and the programs the containers run. */
  @Override
  public void close() {
    echoService.close();
    pods.values().forEach(SimulatedPod::stop);
  }

  @Override
  public Optional<List<ContainerUsage>> podUsage(String namespace, String pod) {
    return Optional.ofNullable(pods.get(key(namespace, pod)))
        .map(mock -> ResourceUsage.of(mock, clock.instant()));
  }

  @Override
  public void onPodStatusChange(BiConsumer<String, String> listener) {
    notifications.add(listener);
  }

  private SimulatedPod requirePod(String namespace, String pod) {
    SimulatedPod mock = pods.get(key(namespace, pod));
    if (mock == null) {
      throw ProviderException.notFound("pod " + namespace + "/" + pod + " not found");
    }
    return mock;
  }

  private SimulatedPod require(String namespace, String pod, String container) {
    SimulatedPod mock = requirePod(namespace, pod);
    if (mock.container(container).isEmpty()) {
      throw ProviderException.notFound(
          "container " + container + " not found in pod " + namespace + "/" + pod);
    }
    return mock;
  }

  private static String key(Pod pod) {
    return key(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }
}
