package io.camelvk.providers.mock.pod;

import io.fabric8.kubernetes.api.model.Container;
import java.util.ArrayList;
import java.util.List;

/**
 * What a container runs, by Kubernetes' rules: {@code command} replaces the image's entrypoint and
 * {@code args} its cmd. The mock knows no image: {@code args} alone are run as the command, as in
 * an image with no entrypoint (busybox, what {@code kubectl run --image=busybox -- echo hi} makes);
 * with neither, the image's own program is unknown and the list is empty.
 */
final class ContainerCommand {

  private ContainerCommand() {}

  static List<String> of(Container container) {
    List<String> words = new ArrayList<>();
    if (container.getCommand() != null) {
      words.addAll(container.getCommand());
    }
    if (container.getArgs() != null) {
      words.addAll(container.getArgs());
    }
    return List.copyOf(words);
  }
}
