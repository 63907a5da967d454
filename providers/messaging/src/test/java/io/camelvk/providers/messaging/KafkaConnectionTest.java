package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kafka connection made from the settings: security by what is given, passwords kept out. */
class KafkaConnectionTest {

  @TempDir Path dir;

  @Test
  void withoutCredentialsOrTrustStoreItIsPlaintextAndTheGroupFollowsTheNode() {
    KafkaConnection.Builder builder = new KafkaConnection.Builder();
    builder.url("broker:9092");
    builder.node("vk-1");
    KafkaConfiguration config = builder.build().component().getConfiguration();

    assertThat(config.getBrokers()).isEqualTo("broker:9092");
    assertThat(config.getSecurityProtocol()).isEqualTo("PLAINTEXT");
    assertThat(config.getGroupId()).isEqualTo("camelvk-vk-1");
  }

  @Test
  void aUserAndATrustStoreMakeItSaslOverTlsWithThePasswordsFromTheirFiles() throws Exception {
    Path password = Files.writeString(dir.resolve("password"), "s3\"cret\n");
    Path storePassword = Files.writeString(dir.resolve("store-password"), "changeit");
    KafkaConnection.Builder builder = new KafkaConnection.Builder();
    builder.url("broker:9093");
    builder.username("vk");
    builder.passwordFile(password.toString());
    builder.trustStore("/etc/vk/ca.p12");
    builder.trustStorePasswordFile(storePassword.toString());
    builder.group("my-group");
    KafkaConnection connection = builder.build();
    KafkaConfiguration config = connection.component().getConfiguration();

    assertThat(config.getSecurityProtocol()).isEqualTo("SASL_SSL");
    assertThat(config.getSaslMechanism()).isEqualTo("PLAIN");
    assertThat(config.getSaslJaasConfig())
        .isEqualTo(
            "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"vk\""
                + " password=\"s3\\\"cret\";");
    assertThat(config.getSslTruststoreLocation()).isEqualTo("/etc/vk/ca.p12");
    assertThat(config.getSslTruststorePassword()).isEqualTo("changeit");
    assertThat(config.getGroupId()).isEqualTo("my-group");
    assertThat(connection.toString()).contains("vk", password.toString()).doesNotContain("s3");
  }

  @Test
  void aUserWithoutAPasswordFileOrNoUrlIsRefusedNamingTheProperty() {
    KafkaConnection.Builder noUrl = new KafkaConnection.Builder();
    assertThatThrownBy(noUrl::build).hasMessageStartingWith("vk.provider.messaging.url is not set");

    KafkaConnection.Builder noPassword = new KafkaConnection.Builder();
    noPassword.url("broker:9092");
    noPassword.username("vk");
    assertThatThrownBy(noPassword::build)
        .hasMessage(
            "vk.provider.messaging.username is set without vk.provider.messaging.password-file");
  }
}
