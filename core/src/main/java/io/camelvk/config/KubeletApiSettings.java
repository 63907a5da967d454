package io.camelvk.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The kubelet HTTPS API's TLS material and access control.
 *
 * @param certificate the serving certificate ({@code APISERVER_CERT_LOCATION}); empty: generated
 * @param key its private key ({@code APISERVER_KEY_LOCATION})
 * @param clientCa the CA that client certificates must chain to ({@code
 *     APISERVER_CA_CERT_LOCATION}); empty: client certificates are not accepted
 * @param authEnabled false: every request is served without authentication or authorization
 */
public record KubeletApiSettings(
    Optional<Path> certificate, Optional<Path> key, Optional<Path> clientCa, boolean authEnabled) {

  /** A generated serving certificate, bearer tokens only, secure. */
  public static final KubeletApiSettings DEFAULT =
      new KubeletApiSettings(Optional.empty(), Optional.empty(), Optional.empty(), true);

  public KubeletApiSettings withClientCa(Path ca) {
    return new KubeletApiSettings(certificate, key, Optional.of(ca), authEnabled);
  }

  public KubeletApiSettings withAuth(boolean enabled) {
    return new KubeletApiSettings(certificate, key, clientCa, enabled);
  }
}
