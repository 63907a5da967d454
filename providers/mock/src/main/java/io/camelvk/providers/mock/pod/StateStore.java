package io.camelvk.providers.mock.pod;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The mock's backend on disk, shared by every process that names the same {@code stateDir}: one
 * JSON file per pod under {@code pods/} (written to a temporary file, then renamed) and {@code
 * journal.jsonl}, one line per create and per delete with the pod's UID and the process id.
 *
 * <p>Each change takes an exclusive lock on {@code state.lock}, so a pod file and its journal line
 * appear together for every other process; a process killed between the two leaves a pod without a
 * line, which the next {@link #load} completes (marked {@code recovered}).
 */
public final class StateStore {

  static final String PODS_DIR = "pods";
  static final String JOURNAL = "journal.jsonl";
  static final String LOCK = "state.lock";

  /** A pod as stored: when it was created and by which process. */
  record StoredPod(Pod pod, Instant created, long pid) {}

  private final Path dir;
  private final long pid;
  private final ObjectMapper json = new ObjectMapper();
  private final KubernetesSerialization serialization = new KubernetesSerialization();

  public StateStore(Path dir, long pid) {
    this.dir = dir;
    this.pid = pid;
    try {
      Files.createDirectories(dir.resolve(PODS_DIR));
    } catch (IOException e) {
      throw new UncheckedIOException("mock stateDir: cannot create " + dir.resolve(PODS_DIR), e);
    }
  }

  public synchronized void created(Pod pod, Instant created) {
    ObjectNode stored = json.createObjectNode();
    stored.put("created", created.toString());
    stored.put("pid", pid);
    stored.set("pod", tree(pod));
    locked(
        () -> {
          Path file = podFile(pod.getMetadata().getUid());
          Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
          Files.writeString(temporary, stored.toString());
          Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
          appendJournal("create", pod, pid, false);
          return null;
        });
  }

  public synchronized void deleted(Pod pod) {
    locked(
        () -> {
          if (Files.deleteIfExists(podFile(pod.getMetadata().getUid()))) {
            appendJournal("delete", pod, pid, false);
          }
          return null;
        });
  }

  /**
   * Makes {@code pods} (by namespace/name) what is stored: pods stored by another process are
   * simulated from when they were created and added (and handed to {@code adopted}), pods no longer
   * stored are stopped and dropped.
   */
  public synchronized void refresh(
      Map<String, SimulatedPod> pods,
      BiFunction<Pod, Instant, SimulatedPod> simulate,
      Consumer<SimulatedPod> adopted) {
    Map<String, StoredPod> stored = new HashMap<>();
    load().forEach(p -> stored.put(key(p.pod()), p));
    pods.entrySet()
        .removeIf(
            e -> {
              boolean gone = !sameUid(stored.get(e.getKey()), e.getValue());
              if (gone) {
                e.getValue().stop();
              }
              return gone;
            });
    stored.forEach(
        (key, p) -> {
          if (!pods.containsKey(key)) {
            SimulatedPod pod = simulate.apply(p.pod(), p.created());
            pods.put(key, pod);
            adopted.accept(pod);
          }
        });
  }

  private static boolean sameUid(StoredPod stored, SimulatedPod pod) {
    return stored != null && stored.pod().getMetadata().getUid().equals(pod.uid());
  }

  private static String key(Pod pod) {
    return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
  }

  /** Every stored pod; journals the creates a killed process could not. */
  synchronized List<StoredPod> load() {
    return locked(
        () -> {
          Set<String> journaled = journaledCreates();
          List<StoredPod> pods = new ArrayList<>();
          try (Stream<Path> files = Files.list(dir.resolve(PODS_DIR))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
              StoredPod stored = read(file);
              if (!journaled.contains(stored.pod().getMetadata().getUid())) {
                appendJournal("create", stored.pod(), stored.pid(), true);
              }
              pods.add(stored);
            }
          }
          return pods;
        });
  }

  private StoredPod read(Path file) throws IOException {
    JsonNode node = json.readTree(Files.readString(file));
    return new StoredPod(
        serialization.unmarshal(node.get("pod").toString(), Pod.class),
        Instant.parse(node.get("created").asText()),
        node.get("pid").asLong());
  }

  private Set<String> journaledCreates() throws IOException {
    Set<String> uids = new HashSet<>();
    Path journal = dir.resolve(JOURNAL);
    if (Files.exists(journal)) {
      for (String line : Files.readAllLines(journal)) {
        JsonNode entry = json.readTree(line);
        if ("create".equals(entry.path("event").asText())) {
          uids.add(entry.path("uid").asText());
        }
      }
    }
    return uids;
  }

  private void appendJournal(String event, Pod pod, long creator, boolean recovered)
      throws IOException {
    ObjectNode line = json.createObjectNode();
    line.put("event", event);
    line.put("uid", pod.getMetadata().getUid());
    line.put("namespace", pod.getMetadata().getNamespace());
    line.put("name", pod.getMetadata().getName());
    line.put("pid", creator);
    if (recovered) {
      line.put("recovered", true);
    }
    Files.writeString(
        dir.resolve(JOURNAL),
        line + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  private JsonNode tree(Pod pod) {
    try {
      return json.readTree(serialization.asJson(pod));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path podFile(String uid) {
    return dir.resolve(PODS_DIR).resolve(uid + ".json");
  }

  private interface LockedWork<T> {
    T run() throws IOException;
  }

  private <T> T locked(LockedWork<T> work) {
    try (FileChannel channel =
        FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      channel.lock(); // released when the channel closes
      return work.run();
    } catch (IOException e) {
      throw new UncheckedIOException("mock stateDir " + dir + ": " + e.getMessage(), e);
    }
  }
}
