package io.camelvk.providers.interlink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelvk.provider.PodNotFoundException;
import io.camelvk.provider.PodRefusedException;
import io.camelvk.provider.ProviderException;
import io.camelvk.providers.interlink.InterlinkDialect.Target;
import io.camelvk.providers.interlink.transport.InterlinkTransport;
import io.camelvk.providers.interlink.transport.Reply;
import io.camelvk.providers.interlink.wire.CreateStruct;
import io.camelvk.providers.interlink.wire.LogStruct;
import io.camelvk.providers.interlink.wire.RemotePodStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * interLink's calls, as its virtual kubelet makes them: {@code POST /create}, {@code /delete}
 * ({@code DELETE} to an API server, {@code POST} to a plugin, as the API server forwards it), a
 * {@code GET /status} whose body is the pods asked about, a {@code GET /getLogs} with a {@link
 * LogStruct}, and a ping. Any 2xx is success; a 5xx or a connection error is a transient failure
 * (the core retries it) and counts against the {@link BackendBreaker}; a 4xx to a create refuses
 * the pod.
 */
final class InterlinkClient {

  private static final int MAX_MESSAGE = 300;

  private final InterlinkTransport transport;
  private final InterlinkDialect dialect;
  private final BackendBreaker breaker;
  private final ObjectMapper json;

  InterlinkClient(InterlinkTransport transport, InterlinkDialect dialect, ObjectMapper json) {
    this.transport = transport;
    this.dialect = dialect;
    this.breaker = new BackendBreaker(transport.describe());
    this.json = json;
  }

  /** Creates the pod; the job id the backend gave it, empty when it gave none. */
  Optional<String> create(Pod pod, ShippedVolumes volumes) {
    Object body =
        dialect.target() == Target.API ? volumes.forApiServer(pod) : volumes.forPlugin(pod);
    byte[] reply = call("create", "POST", "/create", dialect.createArray() ? List.of(body) : body);
    return jobId(reply, pod.getMetadata().getUid());
  }

  /** Deletes the pod; a pod the backend does not know (404) is deleted already. */
  void delete(Pod pod) {
    String method = dialect.target() == Target.API ? "DELETE" : "POST";
    call("delete", method, "/delete", pod);
  }

  /** The status of each of these pods the backend knows, in one request. */
  List<RemotePodStatus> status(List<Pod> pods) {
    byte[] reply = call("status", "GET", "/status", pods);
    try {
      List<RemotePodStatus> statuses = json.readValue(reply, new TypeReference<>() {});
      return statuses == null ? List.of() : statuses;
    } catch (IOException e) {
      throw ProviderException.transientFailure(
          "interLink status answered what is not a list of pod statuses: " + e.getMessage());
    }
  }

  /** The container's log as it streams; a followed log has no read timeout. */
  InputStream logs(LogStruct request, boolean follow) {
    Reply reply = send("getLogs", "GET", "/getLogs", request, !follow);
    if (reply.succeeded()) {
      return reply.body();
    }
    throw failure("getLogs", reply.status(), reply.text());
  }

  /**
   * The ping's answer body; throws when the backend does not answer 2xx. A plugin's answer to a
   * status of no pod is what interLink's API server relays as its own ping answer, resources and
   * taints included.
   */
  String ping() {
    byte[] answer =
        dialect.target() == Target.API
            ? call("ping", "POST", "/pinglink", List.of())
            : call("ping", "GET", "/status", List.of());
    return new String(answer, StandardCharsets.UTF_8);
  }

  boolean circuitOpen() {
    return breaker.open();
  }

  /** The backend went down (its circuit opened) or came back. */
  void onAvailabilityChange(Runnable listener) {
    breaker.onStateChange(listener);
  }

  String backend() {
    return transport.describe();
  }

  private byte[] call(String operation, String method, String path, Object body) {
    Reply reply = send(operation, method, path, body, true);
    byte[] bytes = reply.bytes();
    if (reply.succeeded()) {
      return bytes;
    }
    throw failure(operation, reply.status(), new String(bytes, StandardCharsets.UTF_8));
  }

  private Reply send(String operation, String method, String path, Object body, boolean timeout) {
    byte[] bytes = serialize(body);
    long started = breaker.admit();
    try {
      Reply reply = transport.send(method, path, bytes, timeout);
      if (reply.serverError()) {
        breaker.failed(started, new IOException("HTTP " + reply.status()));
      } else {
        breaker.succeeded(started);
      }
      return reply;
    } catch (IOException | RuntimeException e) {
      breaker.failed(started, e);
      throw ProviderException.transientFailure(
          "cannot reach interLink at "
              + transport.describe()
              + " for "
              + operation
              + ": "
              + cause(e));
    }
  }

  private RuntimeException failure(String operation, int status, String body) {
    String message =
        "interLink " + operation + " answered HTTP " + status + ": " + shortened(body.strip());
    if (operation.equals("delete") && status == 404) {
      return new PodNotFoundException(message);
    }
    if (operation.equals("getLogs") && status == 404) {
      return new PodNotFoundException(message);
    }
    if (operation.equals("create") && (status == 400 || status == 422)) {
      return new PodRefusedException(message);
    }
    return ProviderException.transientFailure(message);
  }

  private Optional<String> jobId(byte[] reply, String uid) {
    try {
      JsonNode answer = json.readTree(reply);
      if (answer == null || answer.isMissingNode()) {
        return Optional.empty();
      }
      List<CreateStruct> created =
          answer.isArray()
              ? json.convertValue(answer, new TypeReference<List<CreateStruct>>() {})
              : List.of(json.convertValue(answer, CreateStruct.class));
      return created.stream()
          .filter(c -> c.podUid() == null || c.podUid().isEmpty() || c.podUid().equals(uid))
          .map(CreateStruct::podJid)
          .filter(jid -> jid != null && !jid.isEmpty())
          .findFirst();
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private byte[] serialize(Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an interLink request as JSON", e);
    }
  }

  private static String cause(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
  }

  private static String shortened(String text) {
    return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "...";
  }
}
