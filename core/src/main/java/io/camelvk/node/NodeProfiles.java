package io.camelvk.node;

import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.runtime.ProviderHandle;
import io.camelvk.provider.runtime.Providers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each provider last said about the node (its {@code node} operation), asked every node-status
 * period and on a provider's change; pods are placed and admitted against these, without a provider
 * call per pod. A provider that cannot answer keeps its last profile.
 */
public final class NodeProfiles {

  private static final Logger LOG = LoggerFactory.getLogger(NodeProfiles.class);

  private final Providers providers;
  private final String nodeName;
  private final Map<String, NodeProfile> latest = new ConcurrentHashMap<>();

  public NodeProfiles(Providers providers, String nodeName) {
    this.providers = providers;
    this.nodeName = nodeName;
  }

  /** Asks every provider again. */
  public void refresh() {
    for (ProviderHandle provider : providers.all()) {
      try {
        latest.put(provider.name(), provider.client().node(nodeName));
      } catch (RuntimeException e) {
        LOG.warn(
            "provider {} did not report its node profile, keeping the last one: {}",
            provider.name(),
            e.getMessage());
      }
    }
  }

  /** The provider's profile, or the defaults until it has answered. */
  public NodeProfile of(String provider) {
    return latest.getOrDefault(provider, NodeProfile.DEFAULT);
  }

  /** The node's: the providers' profiles summed ({@link NodeProfileSum}). */
  public NodeProfile combined() {
    Map<String, NodeProfile> byProvider = new LinkedHashMap<>();
    providers.names().forEach(name -> byProvider.put(name, of(name)));
    return NodeProfileSum.of(byProvider);
  }
}
