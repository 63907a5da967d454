package io.camelvk.providers.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings: properties over the Go provider's fargate.toml over the defaults. */
class AwsSettingsTest {

  @TempDir Path dir;

  @Test
  void withNothingGivenTheDefaultsApply() {
    AwsSettings settings = new AwsSettings();
    settings.init();

    assertThat(settings.region()).isEqualTo("us-east-1");
    assertThat(settings.cluster()).isEqualTo("default");
    assertThat(settings.subnets()).isEmpty();
    assertThat(settings.logGroup()).isEqualTo("camelvk");
    assertThat(settings.pods()).isEqualTo("20");
    assertThat(settings.endpoint()).isEmpty();
  }

  @Test
  void theGoProvidersFargateTomlIsReadAndAPropertyWinsOverIt() throws Exception {
    Path toml =
        Files.writeString(
            dir.resolve("fargate.toml"),
            """
            # the Go provider's example, as its README gives it
            Region = "eu-west-1"
            ClusterName = "burst" # the cluster
            Subnets = ["subnet-1", "subnet-2"]
            SecurityGroups = ["sg-1"]
            AssignPublicIPv4Address = true
            ExecutionRoleArn = ""
            CloudWatchLogGroupName = "vk-logs"
            PlatformVersion = "LATEST"
            OperatingSystem = "Linux"
            CPU = "20"
            Memory = "40Gi"
            Pods = "50"
            """);
    AwsSettings settings = new AwsSettings();
    settings.setConfig(toml.toString());
    settings.setCluster("from-property");
    settings.setPods("");
    settings.init();

    assertThat(settings.region()).isEqualTo("eu-west-1");
    assertThat(settings.cluster()).isEqualTo("from-property");
    assertThat(settings.subnets()).containsExactly("subnet-1", "subnet-2");
    assertThat(settings.securityGroups()).containsExactly("sg-1");
    assertThat(settings.assignPublicIp()).isTrue();
    assertThat(settings.executionRoleArn()).isEmpty();
    assertThat(settings.logGroup()).isEqualTo("vk-logs");
    assertThat(settings.platformVersion()).contains("LATEST");
    assertThat(settings.pods()).isEqualTo("50");
  }

  @Test
  void aFileThatIsNotTomlIsRefusedNamingItAndTheLine() throws Exception {
    Path bad = Files.writeString(dir.resolve("fargate.toml"), "Region = \"eu-west-1\"\nnonsense\n");
    AwsSettings settings = new AwsSettings();
    settings.setConfig(bad.toString());

    assertThatThrownBy(settings::init)
        .hasMessage("the aws configuration " + bad + ", line 2: not key = value: nonsense");
  }

  @Test
  void aMissingFileIsRefusedNamingIt() {
    AwsSettings settings = new AwsSettings();
    settings.setConfig(dir.resolve("absent.toml").toString());

    assertThatThrownBy(settings::init).hasMessageStartingWith("the aws configuration ");
  }
}
