package io.camelvk.providers.aws;

import java.util.List;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Builds the provider's AWS clients as beans (aws-beans.yaml's {@code awsEcsClient} and {@code
 * awsLogsClient}, each with its builder method): from {@code vk.provider.aws.region} and {@code
 * .endpoint}, every request they send counted by {@code awsCalls}.
 */
public final class AwsClientBeans {

  private AwsSettings settings;
  private AwsCalls calls;

  public EcsClient ecs() {
    return clients().ecs();
  }

  public CloudWatchLogsClient logs() {
    return clients().logs();
  }

  private AwsClients clients() {
    return new AwsClients(Region.of(settings.region()), settings.endpoint(), List.of(calls));
  }

  public void setSettings(AwsSettings settings) {
    this.settings = settings;
  }

  public void setCalls(AwsCalls calls) {
    this.calls = calls;
  }
}
