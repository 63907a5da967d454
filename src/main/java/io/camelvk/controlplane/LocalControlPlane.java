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
  private static final Logger LOG = LoggerFactory.getLogger(LocalControlPlane.class);

  private final Path runDir;
  private final ControlPlaneBinaries binaries;
  private final ControlPlaneCertificates pki;
  private final List<ManagedProcess> processes = new ArrayList<>();
  private final Thread shutdownHook = new Thread(this::close, "control-plane-stop");
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
    var commands =
        new ComponentCommands(binaries, runDir, pki, ComponentCommands.Ports.pick(), options);
    var probe = new HealthProbe(pki.ca().certificate(), pki.admin());
    ManagedProcess etcd = launch("etcd", commands.etcd());
    probe.awaitHealthy(etcd, URI.create(commands.etcdUrl() + "/health"), COMPONENT_START_TIMEOUT);
    ManagedProcess apiServerProcess = launch("kube-apiserver", commands.apiServer());
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
    ManagedProcess scheduler = launch("kube-scheduler", commands.scheduler(kubeconfig));
    ManagedProcess controllers =
        launch("kube-controller-manager", commands.controllerManager(kubeconfig));
    probe.awaitHealthy(
        scheduler, URI.create(commands.schedulerUrl() + "/healthz"), COMPONENT_START_TIMEOUT);
    probe.awaitHealthy(
        controllers,
        URI.create(commands.controllerManagerUrl() + "/healthz"),
        COMPONENT_START_TIMEOUT);
    LOG.info("control plane ready at {} (run directory {})", apiServer, runDir);
  }

  private String caPem() {
    return IssuedCertificate.pem(pki.ca().certificate());
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
    for (ManagedProcess process : toStop.reversed()) {
      process.close();
    }
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
