package io.camelvk.pod;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Optional;

/**
 * The pods bound to our node as the API server last showed them: in the process the pod informer's
 * store ({@link ClusterCache}).
 */
public interface PodCache {

  Optional<Pod> pod(PodKey key);

  List<Pod> pods();
}
