package io.camelvk.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * etcd's HTTP/JSON gateway ({@code /v3/kv/*}) on the local control plane's client URL (plain HTTP
 * on loopback), so that fault tests can move etcd's revision on and compact its history without the
 * API server and without etcdctl. Keys are written outside {@code /registry}, where the API server
 * never looks.
 */
public final class EtcdGateway {

  /** Where tests may write keys of their own. */
  public static final String TEST_PREFIX = "/camel-virtual-kubelet-test/";

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI clientUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

  EtcdGateway(URI clientUrl) {
    this.clientUrl = clientUrl;
  }

  /** Writes {@code value} under {@link #TEST_PREFIX}{@code name}; returns the new revision. */
  public long putTestKey(String name, String value) {
    return revisionOf(
        post("/v3/kv/put", Map.of("key", base64(TEST_PREFIX + name), "value", base64(value))));
  }

  /**
   * Compacts the history up to {@code revision} and waits until it is physically gone: a watch or
   * read at an older revision then fails with "required revision has been compacted".
   */
  public void compact(long revision) {
    post("/v3/kv/compaction", Map.of("revision", revision, "physical", true));
  }

  private static long revisionOf(JsonNode response) {
    // The gateway writes int64 fields as JSON strings.
    return Long.parseLong(response.path("header").path("revision").asText());
  }

  private JsonNode post(String path, Map<String, Object> body) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(clientUrl.resolve(path))
                  .timeout(REQUEST_TIMEOUT)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "etcd " + path + " answered HTTP " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("etcd " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling etcd " + path, e);
    }
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
