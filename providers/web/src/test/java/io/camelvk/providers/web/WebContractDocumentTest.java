package io.camelvk.providers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.camelvk.test.ProjectRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/providers/web-openapi.yaml describes the Go provider's contract (broker.go), and the routes
 * call it as it says: each path with its method.
 */
class WebContractDocumentTest {

  /** The calls of the Go virtual-kubelet's providers/web/broker.go, path to method. */
  private static final Map<String, String> GO_CONTRACT =
      Map.of(
          "/createPod", "post",
          "/updatePod", "put",
          "/deletePod", "delete",
          "/getPod", "get",
          "/getContainerLogs", "get",
          "/getPodStatus", "get",
          "/getPods", "get",
          "/capacity", "get",
          "/nodeConditions", "get",
          "/nodeAddresses", "get");

  private static final Pattern METHOD =
      Pattern.compile("name: CamelHttpMethod\\s+constant: (\\w+)");
  private static final Pattern PATH = Pattern.compile("constant: (/\\w+)");

  @Test
  void theOpenApiFileHasTheGoContractsPathsAndMethods() throws IOException {
    JsonNode paths =
        new ObjectMapper(new YAMLFactory())
            .readTree(ProjectRoot.resolve("docs/providers/web-openapi.yaml").toFile())
            .get("paths");
    Map<String, String> documented = new TreeMap<>();
    paths.properties().forEach(e -> documented.put(e.getKey(), e.getValue().fieldNames().next()));

    assertThat(documented).isEqualTo(new TreeMap<>(GO_CONTRACT));
  }

  @Test
  void theRoutesCallThoseMethodsOnThosePaths() throws IOException {
    Map<String, String> called = new TreeMap<>();
    try (Stream<Path> files =
        Files.list(ProjectRoot.resolve("providers/web/src/main/resources/providers/web"))) {
      for (Path file : files.toList()) {
        String route = Files.readString(file);
        Matcher method = METHOD.matcher(route);
        Matcher path = PATH.matcher(route);
        // web-node names the resources it reads through web-node-get, which GETs them.
        String verb =
            method.find()
                ? method.group(1).toLowerCase(java.util.Locale.ROOT)
                : route.contains("direct:web-node-get") ? "get" : null;
        while (verb != null && path.find()) {
          called.put(path.group(1), verb);
        }
      }
    }

    assertThat(called).containsAllEntriesOf(Map.of("/createPod", "post", "/updatePod", "put"));
    assertThat(GO_CONTRACT).containsAllEntriesOf(called);
    assertThat(called.keySet())
        .containsExactlyInAnyOrder(
            "/createPod",
            "/updatePod",
            "/deletePod",
            "/getPodStatus",
            "/getPods",
            "/getContainerLogs",
            "/capacity",
            "/nodeConditions",
            "/nodeAddresses");
  }
}
