package io.camelvk.providers.aws;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

/**
 * The ARN of each task definition family, found or registered once: the family's name is a hash of
 * everything the definition holds, so pods with the same spec share it, across restarts too (the
 * family's latest revision is asked before a new one is registered). Pods that need a family at the
 * same time wait for one registration.
 */
final class TaskDefinitionRegistry {

  private final EcsClient ecs;
  private final Map<String, CompletableFuture<String>> arns = new ConcurrentHashMap<>();

  TaskDefinitionRegistry(EcsClient ecs) {
    this.ecs = ecs;
  }

  String arnOf(RegisterTaskDefinitionRequest definition) {
    CompletableFuture<String> mine = new CompletableFuture<>();
    CompletableFuture<String> existing = arns.putIfAbsent(definition.family(), mine);
    if (existing != null) {
      return join(existing);
    }
    try {
      mine.complete(findOrRegister(definition));
    } catch (RuntimeException e) {
      arns.remove(definition.family(), mine);
      mine.completeExceptionally(e);
    }
    return join(mine);
  }

  private String findOrRegister(RegisterTaskDefinitionRequest definition) {
    try {
      return ecs.describeTaskDefinition(d -> d.taskDefinition(definition.family()))
          .taskDefinition()
          .taskDefinitionArn();
    } catch (ClientException notRegistered) {
      return ecs.registerTaskDefinition(definition).taskDefinition().taskDefinitionArn();
    }
  }

  private static String join(CompletableFuture<String> arn) {
    try {
      return arn.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }
}
