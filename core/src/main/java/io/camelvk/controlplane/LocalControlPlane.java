package io.camelvk.controlplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kubernetes control plane on loopback: etcd, kube-apiserver, kube-scheduler and
 * kube-controller-manager as child processes, with generated certificates and an admin kubeconfig.
 * Closing it (or JVM exit) ends every process it started.
 */
public final class LocalControlPlane implements AutoCloseable {

  static final Duration COMPONENT_START_TIMEOUT = Duration.ofSeconds(90);
  static final String SERVICE_IP = "10.0.0.1";
  static final String ETCD = "etcd";
  static final String API_SERVER = "kube-apiserver";
  static final String SCHEDULER = "kube-scheduler";
  static final String CONTROLLER_MANAGER = "kube-controller-manager";
  private static final Logger LOG = LoggerFactory.getLogger(LocalControlPlane.class);

  private final Path runDir;
  private final ControlPlaneBinaries binaries;
  private final ControlPlaneCertificates pki;
  private final List<ManagedProcess> processes = new ArrayList<>();
  private final Thread shutdownHook = new Thread(this::close, "control-plane-stop");
  private ComponentCommands commands;
  private HealthProbe probe;
  private URI apiServer;
  private Path kubeconfig;
  private boolean closed;

  private LocalControlPlane(Path runDir, ControlPlaneBinaries binaries) {
    this.runDir = runDir;
    this.binaries = binaries;
    this.pki = ControlPlaneCertificates.generate(runDir.resolve("pki"), SERVICE_IP);
  }

  /**
   * Starts a control plane in a new run directory under {@code workRoot}, after ending what a dead
   * JVM left there. Returns once the API server is ready and the scheduler and controller manager
   * are healthy.
   */
  public static LocalControlPlane start(
      ControlPlaneBinaries binaries, Path workRoot, ControlPlaneOptions options) {
    // Components run in their run directory, so every path handed to them must be absolute.
    Path root = workRoot.toAbsolutePath().normalize();
    StaleRuns.reap(root);
    LocalControlPlane plane = new LocalControlPlane(newRunDir(root), binaries);
    Runtime.getRuntime().addShutdownHook(plane.shutdownHook);
    try {
      plane.startComponents(options);
      return plane;
    } catch (RuntimeException e) {
      plane.close();
      throw e;
    }
  }

  private static Path newRunDir(Path workRoot) {
    try {
      Files.createDirectories(workRoot);
      Path runDir = Files.createTempDirectory(workRoot, StaleRuns.RUN_PREFIX);
      StaleRuns.recordOwner(runDir);
      return runDir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a run directory under " + workRoot, e);
    }
  }

  private void startComponents(ControlPlaneOptions options) {
    commands =
        new ComponentCommands(binaries, runDir, pki, ComponentCommands.Ports.pick(), options);
    probe = new HealthProbe(pki.ca().certificate(), pki.admin());
    ManagedProcess etcd = launch(ETCD, commands.etcd());
    probe.awaitHealthy(etcd, URI.create(commands.etcdUrl() + "/health"), COMPONENT_START_TIMEOUT);
    ManagedProcess apiServerProcess = launch(API_SERVER, commands.apiServer());
    probe.awaitHealthy(
        apiServerProcess, URI.create(commands.apiServerUrl() + "/readyz"), COMPONENT_START_TIMEOUT);
    apiServer = URI.create(commands.apiServerUrl());
    kubeconfig =
        Kubeconfig.write(
            runDir.resolve("admin.kubeconfig"),
            commands.apiServerUrl(),
            caPem(),
            pki.admin(),
            ControlPlaneCertificates.ADMIN_USER);
    launch(SCHEDULER, commands.scheduler(kubeconfig));
    launch(CONTROLLER_MANAGER, commands.controllerManager(kubeconfig));
    awaitControllersHealthy();
    LOG.info("control plane ready at {} (run directory {})", apiServer, runDir);
  }

  private void awaitControllersHealthy() {
    probe.awaitHealthy(
        process(SCHEDULER),
        URI.create(commands.schedulerUrl() + "/healthz"),
        COMPONENT_START_TIMEOUT);
    probe.awaitHealthy(
        process(CONTROLLER_MANAGER),
        URI.create(commands.controllerManagerUrl() + "/healthz"),
        COMPONENT_START_TIMEOUT);
  }

  /**
   * Stops kube-apiserver as a restart would (SIGTERM, then SIGKILL after a grace period); etcd, the
   * scheduler and the controller manager keep running and keep retrying. For fault tests.
   */
  public void stopApiServer() {
    requireOpen();
    long start = System.nanoTime();
    boolean graceful = process(API_SERVER).stop(ManagedProcess.STOP_GRACE);
    LOG.info(
        "kube-apiserver stopped in {} ms ({})",
        Duration.ofNanos(System.nanoTime() - start).toMillis(),
        graceful ? "SIGTERM" : "SIGKILL after " + ManagedProcess.STOP_GRACE);
  }

  /**
   * Starts kube-apiserver again in place (same flags, port, certificates and etcd data) unless it
   * runs, and returns once its {@code /readyz} is ok and the scheduler and controller manager,
   * which reconnect by themselves, are healthy.
   */
  public void startApiServer() {
    requireOpen();
    if (process(API_SERVER).isAlive()) {
      return;
    }
    ManagedProcess restarted = relaunch(API_SERVER, commands.apiServer());
    probe.awaitHealthy(restarted, URI.create(apiServer + "/readyz"), COMPONENT_START_TIMEOUT);
    awaitControllersHealthy();
    LOG.info("kube-apiserver started again at {}", apiServer);
  }

  /** Stops and starts kube-apiserver in place; see {@link #startApiServer()}. */
  public void restartApiServer() {
    stopApiServer();
    startApiServer();
  }

  /**
   * Restarts the scheduler and the controller manager in place, so that a fault test leaves fresh
   * informers: after etcd compaction across an API server restart, kube-controller-manager's were
   * seen stuck ("read version ... is not as new as written version ...").
   */
  public void restartControllers() {
    requireOpen();
    process(CONTROLLER_MANAGER).stop(ManagedProcess.STOP_GRACE);
    process(SCHEDULER).stop(ManagedProcess.STOP_GRACE);
    relaunch(SCHEDULER, commands.scheduler(kubeconfig));
    relaunch(CONTROLLER_MANAGER, commands.controllerManager(kubeconfig));
    awaitControllersHealthy();
    LOG.info("kube-scheduler and kube-controller-manager started again");
  }

  private ManagedProcess relaunch(String name, List<String> command) {
    ManagedProcess restarted = ManagedProcess.start(name, command, runDir);
    synchronized (this) {
      processes.replaceAll(p -> p.name().equals(name) ? restarted : p);
    }
    return restarted;
  }

  /** etcd's HTTP gateway (revision, compaction) for tests that go below the API server. */
  public EtcdGateway etcd() {
    return new EtcdGateway(URI.create(commands.etcdUrl()));
  }

  private synchronized ManagedProcess process(String name) {
    return processes.stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(name + " was never started"));
  }

  private synchronized void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the control plane is closed");
    }
  }

  private String caPem() {
    return pki.ca().certificatePem();
  }

  private ManagedProcess launch(String name, List<String> command) {
    ManagedProcess process = ManagedProcess.start(name, command, runDir);
    synchronized (this) {
      processes.add(process);
    }
    return process;
  }

  public URI apiServer() {
    return apiServer;
  }

  /** The running kube-apiserver's process id (it changes when the API server is restarted). */
  public long apiServerPid() {
    return process(API_SERVER).pid();
  }

  /** The admin kubeconfig (user in {@code system:masters}). */
  public Path kubeconfig() {
    return kubeconfig;
  }

  public Path kubectl() {
    return binaries.binary("kubectl");
  }

  public Path runDir() {
    return runDir;
  }

  public ControlPlaneCertificates certificates() {
    return pki;
  }

  /** The running components, in start order. */
  public synchronized List<ManagedProcess> processes() {
    return List.copyOf(processes);
  }

  /** Ends every component, newest first. Safe to call more than once and from a shutdown hook. */
  @Override
  public void close() {
    List<ManagedProcess> toStop;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toStop = new ArrayList<>(processes);
    }
    ManagedProcess.stopTogether(toStop.stream().filter(p -> !p.name().equals(ETCD)).toList());
    ManagedProcess.stopTogether(toStop.stream().filter(p -> p.name().equals(ETCD)).toList());
    removeShutdownHook();
    LOG.info("control plane stopped ({} processes)", toStop.size());
  }

  private void removeShutdownHook() {
    if (Thread.currentThread() == shutdownHook) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook runs anyway and finds the plane closed
    }
  }
}
