package io.camelvk.providers.interlink;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pods this node gave the backend, with their job ids: one small file per pod in the state
 * directory, written on create and removed on delete, so that a restarted virtual kubelet lists
 * them ({@code pods}), asks their status and deletes them. interLink's own virtual kubelet keeps
 * the job id in a pod annotation, which costs an API write per pod; a file costs the API server
 * nothing, and the backend needs no call to list what it runs (a plugin has no such call).
 */
final class JobLedger {

  private static final Logger LOG = LoggerFactory.getLogger(JobLedger.class);
  private static final String SUFFIX = ".json";
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  /** A pod as it was given to the backend, and the job id the backend answered. */
  record Job(@JsonProperty("pod") Pod pod, @JsonProperty("jid") String jobId) {

    String uid() {
      return pod.getMetadata().getUid();
    }
  }

  private final Path directory;
  private final ObjectMapper json;
  private final Map<String, Job> byUid = new ConcurrentHashMap<>();

  JobLedger(Path directory, ObjectMapper json) {
    this.directory = directory;
    this.json = json;
    load(directory);
  }

  /**
   * Keeps the pod without its containers' environment: the values are resolved (a Secret's among
   * them) and neither {@code /status} nor {@code /delete} needs them, so they reach no disk.
   */
  void record(Pod pod, String jobId) {
    Job job = new Job(withoutEnvironment(pod), jobId);
    byUid.put(job.uid(), job);
    write(directory, job);
  }

  private static Pod withoutEnvironment(Pod pod) {
    Pod copy = new PodBuilder(pod).build();
    Stream.concat(
            copy.getSpec().getInitContainers().stream(), copy.getSpec().getContainers().stream())
        .forEach(c -> c.setEnv(new ArrayList<>()));
    return copy;
  }

  void forget(String uid) {
    if (byUid.remove(uid) != null) {
      delete(directory.resolve(uid + SUFFIX));
    }
  }

  Optional<Job> byUid(String uid) {
    return Optional.ofNullable(byUid.get(uid));
  }

  Optional<Job> byName(String namespace, String name) {
    return byUid.values().stream()
        .filter(j -> namespace.equals(j.pod().getMetadata().getNamespace()))
        .filter(j -> name.equals(j.pod().getMetadata().getName()))
        .findFirst();
  }

  Collection<Job> all() {
    return List.copyOf(byUid.values());
  }

  private void load(Path dir) {
    try {
      Files.createDirectories(dir);
      try (Stream<Path> files = Files.list(dir)) {
        files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).forEach(this::read);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the interlink state directory " + dir, e);
    }
  }

  private void read(Path file) {
    try {
      Job job = json.readValue(file.toFile(), Job.class);
      byUid.put(job.uid(), job);
    } catch (IOException | RuntimeException e) {
      LOG.warn("skipping unreadable interlink state file {}: {}", file, e.getMessage());
    }
  }

  private void write(Path dir, Job job) {
    try {
      Path temporary = dir.resolve(job.uid() + SUFFIX + ".new");
      Files.deleteIfExists(temporary);
      Files.createFile(temporary, OWNER_ONLY);
      json.writeValue(temporary.toFile(), job);
      Files.move(
          temporary,
          dir.resolve(job.uid() + SUFFIX),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the interlink state of pod " + job.uid(), e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("cannot remove interlink state file {}: {}", file, e.getMessage());
    }
  }
}
