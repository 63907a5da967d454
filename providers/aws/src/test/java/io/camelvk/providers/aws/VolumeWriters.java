package io.camelvk.providers.aws;

import io.camelvk.providers.aws.task.VolumeFilesContainer;
import io.camelvk.providers.aws.task.WriterRuns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Runs the {@code camelvk-volumes} container of every running task that has one, once, as ECS
 * would, since moto runs none ({@link WriterRuns}, each in a directory of its own); its exit code
 * is then the container's in DescribeTasks' answers ({@link DescribeTasksProxy}).
 */
final class VolumeWriters implements AutoCloseable {

  private static final long PERIOD_MS = 200;

  private final MotoCluster moto;
  private final DescribeTasksProxy proxy;
  private final Path directory;
  private final Set<String> done = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService operator =
      Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());

  private VolumeWriters(MotoCluster moto, DescribeTasksProxy proxy, Path directory) {
    this.moto = moto;
    this.proxy = proxy;
    this.directory = directory;
    operator.scheduleWithFixedDelay(this::runNew, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  /** Runs the writer of every running task of the cluster once, each in a directory under that. */
  static VolumeWriters inBackground(MotoCluster moto, DescribeTasksProxy proxy, Path directory) {
    return new VolumeWriters(moto, proxy, directory);
  }

  /** The writer's definition in the task's definition, if it has one. */
  static Optional<ContainerDefinition> writerOf(EcsClient ecs, Task task) {
    return ecs
        .describeTaskDefinition(d -> d.taskDefinition(task.taskDefinitionArn()))
        .taskDefinition()
        .containerDefinitions()
        .stream()
        .filter(c -> VolumeFilesContainer.NAME.equals(c.name()))
        .findFirst();
  }

  private void runNew() {
    try {
      for (Task task : moto.tasks(DesiredStatus.RUNNING)) {
        if (done.add(task.taskArn())) {
          writerOf(moto.ecs(), task).ifPresent(writer -> runIn(task, writer));
        }
      }
    } catch (RuntimeException e) {
      // moto stopped, or cut by a test: the next round tries again.
    }
  }

  private void runIn(Task task, ContainerDefinition writer) {
    try {
      Path own = Files.createTempDirectory(directory, "task-");
      proxy.containerExited(task.taskArn(), VolumeFilesContainer.NAME, WriterRuns.run(writer, own));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    operator.shutdownNow();
  }
}
