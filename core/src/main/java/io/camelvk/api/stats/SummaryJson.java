package io.camelvk.api.stats;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The kubelet's stats/v1alpha1 {@code Summary} ({@code k8s.io/kubelet/pkg/apis/stats/v1alpha1}),
 * with what a provider reports: CPU and memory of the node, of the {@code pods} system container
 * and of every pod and container. Field order and time format (RFC 3339, whole seconds) as the
 * kubelet writes them.
 */
final class SummaryJson {

  static final String PODS_SYSTEM_CONTAINER = "pods";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SummaryJson() {}

  static String of(UsageSummary summary) {
    ObjectNode root = JSON.createObjectNode();
    root.set("node", node(summary.node()));
    var pods = root.putArray("pods");
    summary.pods().forEach(p -> pods.add(pod(p)));
    return root.toString();
  }

  private static ObjectNode node(NodeSample node) {
    ObjectNode json = JSON.createObjectNode();
    json.put("nodeName", node.nodeName());
    ObjectNode pods = json.putArray("systemContainers").addObject();
    pods.put("name", PODS_SYSTEM_CONTAINER);
    pods.put("startTime", time(node.startTime()));
    pods.set("cpu", cpu(node.usage()));
    pods.set("memory", memory(node.usage()));
    json.put("startTime", time(node.startTime()));
    json.set("cpu", cpu(node.usage()));
    long workingSet = node.usage().workingSetBytes();
    OptionalLong available = node.memoryCapacityBytes();
    json.set(
        "memory",
        memory(
            node.usage(),
            available.isPresent()
                ? OptionalLong.of(Math.max(0, available.getAsLong() - workingSet))
                : available));
    return json;
  }

  private static ObjectNode pod(PodSample pod) {
    ObjectNode json = JSON.createObjectNode();
    ObjectNode ref = json.putObject("podRef");
    ref.put("name", pod.name());
    ref.put("namespace", pod.namespace());
    ref.put("uid", pod.uid());
    putTime(json, "startTime", pod.startTime());
    var containers = json.putArray("containers");
    for (ContainerSample container : pod.containers()) {
      ObjectNode c = containers.addObject();
      c.put("name", container.name());
      putTime(c, "startTime", container.startTime());
      c.set("cpu", cpu(container.usage()));
      c.set("memory", memory(container.usage()));
    }
    json.set("cpu", cpu(pod.usage()));
    json.set("memory", memory(pod.usage()));
    return json;
  }

  private static ObjectNode cpu(CpuMemory usage) {
    ObjectNode json = JSON.createObjectNode();
    json.put("time", time(usage.time()));
    json.put("usageNanoCores", usage.usageNanoCores());
    json.put("usageCoreNanoSeconds", usage.usageCoreNanoSeconds());
    return json;
  }

  private static ObjectNode memory(CpuMemory usage) {
    return memory(usage, OptionalLong.empty());
  }

  private static ObjectNode memory(CpuMemory usage, OptionalLong availableBytes) {
    ObjectNode json = JSON.createObjectNode();
    json.put("time", time(usage.time()));
    availableBytes.ifPresent(bytes -> json.put("availableBytes", bytes));
    json.put("usageBytes", usage.workingSetBytes());
    json.put("workingSetBytes", usage.workingSetBytes());
    return json;
  }

  /** A missing start time is null, as the kubelet's zero {@code metav1.Time} marshals. */
  private static void putTime(ObjectNode json, String field, Optional<Instant> time) {
    if (time.isPresent()) {
      json.put(field, time(time.get()));
    } else {
      json.putNull(field);
    }
  }

  private static String time(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
