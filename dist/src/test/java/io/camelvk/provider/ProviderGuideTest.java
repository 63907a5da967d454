package io.camelvk.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.test.ProjectRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The guide's worked example is the route file that the tests run as provider "webhook". */
class ProviderGuideTest {

  @Test
  void theWorkedExampleInTheGuideIsTheTestedRouteFile() throws IOException {
    String guide = Files.readString(ProjectRoot.resolve("docs/providers/README.md"));
    String route =
        Files.readString(
            ProjectRoot.resolve("docs/providers/examples/webhook/provider-webhook.yaml"));
    Matcher block =
        Pattern.compile("```yaml\n(# A provider in one route file.*?)```", Pattern.DOTALL)
            .matcher(guide);

    assertThat(block.find()).as("the guide shows the example route").isTrue();
    assertThat(block.group(1)).isEqualTo(route);
  }
}
