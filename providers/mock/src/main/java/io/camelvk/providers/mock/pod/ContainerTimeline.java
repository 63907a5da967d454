package io.camelvk.providers.mock.pod;

import io.camelvk.providers.mock.pod.InstanceRun.Exit;
import io.fabric8.kubernetes.api.model.ContainerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One container's life as the kubelet reports it: waiting ({@code ContainerCreating}, or {@code
 * PodInitializing} in a pod with init containers) until its {@link ContainerSchedule} starts it,
 * then instances ({@link InstanceRun}) one after the other, each restarted when the restart policy
 * says so after its exit, in {@code CrashLoopBackOff} for the {@link RestartBackOff} wait.
 * Instances are started as the time asked about reaches them; the last {@link #KEPT_INSTANCES} are
 * kept, for the previous log and for questions about a moment ago.
 */
public final class ContainerTimeline {

  /** Where the container is at a point in time. */
  public record Moment(
      ContainerState state,
      ContainerState lastState,
      int restartCount,
      int instance,
      Instant instanceStart) {}

  /** Starts instance {@code number} of the container at {@code start}. */
  @FunctionalInterface
  public interface Launcher {
    InstanceRun start(int number, Instant start);
  }

  /** An instance and what came before it: the last state and the wait before its start. */
  private record Instance(
      int number, Instant start, InstanceRun run, ContainerState previous, Duration waited) {}

  static final int KEPT_INSTANCES = 4;

  private final ContainerSchedule schedule;
  private final String restartPolicy;
  private final RestartBackOff backOff;
  private final OptionalInt exitCode;
  private final ContainerRef ref;
  private final Launcher launcher;
  private final Deque<Instance> instances = new ArrayDeque<>();
  private Duration waitAfterLast;
  private boolean stopped;

  /**
   * @param restartDelay the same wait before every restart, or null for the kubelet's back-off
   * @param exitCode the exit code every exit reports instead of its own, if given
   */
  public ContainerTimeline(
      ContainerSchedule schedule,
      String restartPolicy,
      Duration restartDelay,
      OptionalInt exitCode,
      ContainerRef ref,
      Launcher launcher) {
    this.schedule = schedule;
    this.restartPolicy = restartPolicy == null ? "Always" : restartPolicy;
    this.backOff = new RestartBackOff(restartDelay);
    this.exitCode = exitCode;
    this.ref = ref;
    this.launcher = launcher;
  }

  /** When the container started, if it did by {@code now}. */
  public Optional<Instant> startedBy(Instant now) {
    return schedule.start().openedBy(now);
  }

  /**
   * The container's last exit, after which its restart policy does not restart it, if it exited so
   * by {@code now}: an init container's completion or failure, a Job's container's end.
   */
  public Optional<Exit> finalExitBy(Instant now) {
    Optional<Instant> start = startedBy(now);
    if (start.isEmpty()) {
      return Optional.empty();
    }
    synchronized (this) {
      return exitOf(advance(start.get(), now), now).filter(e -> !restarts(e.code()));
    }
  }

  // The gate and the stop are read before this timeline's lock is taken: they ask other
  // containers' timelines, which may ask this one, so that no two locks are ever held at once.
  public Moment at(Instant now) {
    Optional<Instant> start = startedBy(now);
    Optional<Instant> stop = start.isEmpty() ? Optional.empty() : schedule.stoppedBy().apply(now);
    synchronized (this) {
      if (start.isEmpty()) {
        return new Moment(KubeletStates.waiting(schedule.waitingReason(), null), null, 0, 0, null);
      }
      return stop.isPresent()
          ? ContainerSchedule.stopped(momentAt(start.get(), stop.get()), stop.get(), ref)
          : momentAt(start.get(), now);
    }
  }

  private Moment momentAt(Instant start, Instant now) {
    Instance current = advance(start, now);
    Optional<Exit> exit = exitOf(current, now);
    if (exit.isEmpty()) {
      return moment(KubeletStates.running(current.start()), current.previous(), current);
    }
    ContainerState terminated = terminated(current, exit.get());
    if (!restarts(exit.get().code())) {
      return moment(terminated, current.previous(), current);
    }
    return moment(KubeletStates.crashLoopBackOff(waitAfter(current), ref), terminated, current);
  }

  private static Moment moment(ContainerState state, ContainerState last, Instance current) {
    return new Moment(state, last, current.number(), current.number(), current.start());
  }

  /** The next instant after {@code now} at which the state changes by itself, or null. */
  public Instant nextChange(Instant now) {
    Optional<Instant> start = startedBy(now);
    if (start.isEmpty()) {
      return schedule.start().opensNext(now);
    }
    if (schedule.stoppedBy().apply(now).isPresent()) {
      return null;
    }
    synchronized (this) {
      Instance current = advance(start.get(), now);
      Optional<Exit> exit = exitOf(current, now);
      if (exit.isEmpty()) {
        return current.run().nextChange(now);
      }
      return restarts(exit.get().code()) ? exit.get().at().plus(waitAfter(current)) : null;
    }
  }

  /** The run of instance {@code number}, while it is kept. */
  public synchronized Optional<InstanceRun> run(int number) {
    return find(number).map(Instance::run);
  }

  /** The exit of instance {@code number} by {@code until}, with the exit code reported. */
  public synchronized Optional<Exit> exitOf(int number, Instant until) {
    return find(number).flatMap(i -> exitOf(i, until));
  }

  /** Stops the instance that runs: the pod was deleted or replaced. */
  public synchronized void stop() {
    stopped = true;
    instances.forEach(i -> i.run().stop());
  }

  /**
   * Starts the instances due by {@code now}; returns the one that is the container at {@code now}.
   */
  private Instance advance(Instant start, Instant now) {
    if (instances.isEmpty()) {
      launch(0, start, null, Duration.ZERO);
    }
    while (true) {
      Instance last = instances.getLast();
      if (last.start().isAfter(now)) {
        return latestStartedBy(now);
      }
      Optional<Exit> exit = exitOf(last, now);
      if (exit.isEmpty() || !restarts(exit.get().code()) || stopped) {
        return last;
      }
      if (waitAfterLast == null) {
        waitAfterLast = backOff.next(last.start(), exit.get().at());
      }
      Instant restart = exit.get().at().plus(waitAfterLast);
      if (now.isBefore(restart)) {
        return last;
      }
      launch(last.number() + 1, restart, terminated(last, exit.get()), waitAfterLast);
    }
  }

  private void launch(int number, Instant at, ContainerState previous, Duration waited) {
    instances.addLast(new Instance(number, at, launcher.start(number, at), previous, waited));
    waitAfterLast = null;
    while (instances.size() > KEPT_INSTANCES) {
      instances.removeFirst().run().stop();
    }
  }

  /** For a moment before the last start: the latest kept instance started by then. */
  private Instance latestStartedBy(Instant now) {
    for (Iterator<Instance> newest = instances.descendingIterator(); newest.hasNext(); ) {
      Instance instance = newest.next();
      if (!instance.start().isAfter(now)) {
        return instance;
      }
    }
    return instances.getFirst();
  }

  /** The wait after {@code instance}'s exit: the next one's, or the last's once known. */
  private Duration waitAfter(Instance instance) {
    return find(instance.number() + 1).map(Instance::waited).orElse(waitAfterLast);
  }

  private Optional<Instance> find(int number) {
    return instances.stream().filter(i -> i.number() == number).findFirst();
  }

  private Optional<Exit> exitOf(Instance instance, Instant until) {
    return instance
        .run()
        .exitBy(until)
        .map(
            e ->
                exitCode.isPresent() && e.message() == null
                    ? new Exit(e.at(), exitCode.getAsInt())
                    : e);
  }

  private boolean restarts(int code) {
    return switch (restartPolicy) {
      case "Never" -> false;
      case "OnFailure" -> code != 0;
      default -> true;
    };
  }

  private ContainerState terminated(Instance instance, Exit exit) {
    return KubeletStates.terminated(
        exit.code(),
        exit.message(),
        instance.start(),
        exit.at(),
        ref.containerId(instance.number()));
  }
}
