package io.camelvk.pod.env;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import java.util.List;
import java.util.Optional;

/** Where the environment's references are read from (the informer caches, in the process). */
public interface ConfigLookup {

  Optional<ConfigMap> configMap(String namespace, String name);

  Optional<Secret> secret(String namespace, String name);

  List<Service> services(String namespace);
}
