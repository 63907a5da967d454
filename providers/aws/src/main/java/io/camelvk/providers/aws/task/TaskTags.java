package io.camelvk.providers.aws.task;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The tags that tie a task to its pod and node, so that a restarted provider finds its tasks again.
 */
public record TaskTags(String node, String namespace, String name, String uid) {

  public static final String NODE = "camelvk.io/node";
  public static final String NAMESPACE = "camelvk.io/namespace";
  public static final String NAME = "camelvk.io/name";
  public static final String UID = "camelvk.io/uid";

  public static TaskTags of(Pod pod, String node) {
    return new TaskTags(
        node,
        pod.getMetadata().getNamespace(),
        pod.getMetadata().getName(),
        pod.getMetadata().getUid());
  }

  /** The tags of a task, or empty when it lacks any of the four: a task that is not ours. */
  public static Optional<TaskTags> of(Task task) {
    Map<String, String> tags =
        task.tags().stream()
            .filter(tag -> tag.key() != null && tag.value() != null)
            .collect(Collectors.toMap(Tag::key, Tag::value, (first, second) -> first));
    if (!tags.keySet().containsAll(List.of(NODE, NAMESPACE, NAME, UID))) {
      return Optional.empty();
    }
    return Optional.of(
        new TaskTags(tags.get(NODE), tags.get(NAMESPACE), tags.get(NAME), tags.get(UID)));
  }

  public List<Tag> tags() {
    return List.of(tag(NODE, node), tag(NAMESPACE, namespace), tag(NAME, name), tag(UID, uid));
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }
}
