package io.camelvk.providers.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads the journal of a mock provider's {@code stateDir}: every create and delete, in order. */
public final class MockJournal {

  /** One line of the journal. */
  public record Entry(String event, String uid, String name, long pid, boolean recovered) {}

  private final Path file;

  public MockJournal(Path stateDir) {
    this.file = stateDir.resolve("journal.jsonl");
  }

  public List<Entry> entries() {
    if (!Files.exists(file)) {
      return List.of();
    }
    ObjectMapper json = new ObjectMapper();
    try {
      return Files.readAllLines(file).stream()
          .filter(line -> !line.isBlank())
          .map(line -> read(json, line))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many times each UID was created. */
  public Map<String, Long> createsByUid() {
    return entries().stream()
        .filter(e -> e.event().equals("create"))
        .collect(Collectors.groupingBy(Entry::uid, Collectors.counting()));
  }

  /** The UIDs created more than once: empty when nothing was doubled. */
  public List<String> doubledUids() {
    return createsByUid().entrySet().stream()
        .filter(e -> e.getValue() > 1)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static Entry read(ObjectMapper json, String line) {
    try {
      JsonNode node = json.readTree(line);
      return new Entry(
          node.path("event").asText(),
          node.path("uid").asText(),
          node.path("name").asText(),
          node.path("pid").asLong(),
          node.path("recovered").asBoolean(false));
    } catch (IOException e) {
      throw new UncheckedIOException("bad journal line: " + line, e);
    }
  }
}
