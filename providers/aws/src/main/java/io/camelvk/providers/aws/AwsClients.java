package io.camelvk.providers.aws;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Builds the provider's synchronous AWS SDK v2 clients, {@link EcsClient} and {@link
 * CloudWatchLogsClient}, from a region and an optional endpoint override (moto in the tests, a
 * private endpoint in production), with credentials from the SDK's default provider chain (system
 * properties, environment, web identity, profile, container and instance roles).
 *
 * <p>Each client has its own Apache HttpClient 5 ({@link Apache5HttpClient}, named because the
 * classpath may hold another), closed with it: a connection is refused after {@link
 * #CONNECT_TIMEOUT}, and a call, with all its retries, ends after {@link #CALL_TIMEOUT}.
 *
 * <p>Retries follow the SDK's <em>standard</em> retry strategy ({@link
 * AwsRetryStrategy#standardRetryStrategy()}): at most 3 attempts a call; throttling errors
 * (ThrottlingException, TooManyRequestsException, RequestLimitExceeded and the other codes the SDK
 * treats as throttling) back off exponentially from a 1 s base delay with full jitter, capped at 20
 * s; other retryable errors (5xx, I/O) from a base delay of 50 or 100 ms. A token bucket stops
 * retries while an endpoint keeps failing.
 *
 * <p>The object holds no credentials, so {@link #toString()} cannot show one.
 */
public final class AwsClients {

  /** How long a TCP connect to the endpoint may take. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** How long one SDK call may take, all attempts and back-offs included. */
  public static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final Region region;
  private final Optional<URI> endpointOverride;
  private final List<ExecutionInterceptor> interceptors;

  public AwsClients(Region region, Optional<URI> endpointOverride) {
    this(region, endpointOverride, List.of());
  }

  /**
   * @param interceptors told of every request the clients send ({@link AwsCalls} counts them)
   */
  public AwsClients(
      Region region, Optional<URI> endpointOverride, List<ExecutionInterceptor> interceptors) {
    this.region = Objects.requireNonNull(region, "region");
    this.endpointOverride = Objects.requireNonNull(endpointOverride, "endpointOverride");
    this.interceptors = List.copyOf(interceptors);
  }

  public EcsClient ecs() {
    return configure(EcsClient.builder()).build();
  }

  public CloudWatchLogsClient logs() {
    return configure(CloudWatchLogsClient.builder()).build();
  }

  public Region region() {
    return region;
  }

  public Optional<URI> endpointOverride() {
    return endpointOverride;
  }

  private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
    builder
        .region(region)
        .credentialsProvider(DefaultCredentialsProvider.builder().build())
        .httpClientBuilder(
            Apache5HttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(CALL_TIMEOUT))
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .apiCallTimeout(CALL_TIMEOUT)
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy())
                .executionInterceptors(interceptors)
                .build());
    endpointOverride.ifPresent(builder::endpointOverride);
    return builder;
  }

  @Override
  public String toString() {
    return "AwsClients[region="
        + region
        + endpointOverride.map(uri -> ", endpoint=" + withoutUserInfo(uri)).orElse("")
        + "]";
  }

  private static String withoutUserInfo(URI uri) {
    return uri.getRawUserInfo() == null
        ? uri.toString()
        : uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }
}
