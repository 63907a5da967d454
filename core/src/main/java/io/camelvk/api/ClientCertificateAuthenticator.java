package io.camelvk.api;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Authenticates a TLS client certificate chain as Kubernetes' x509 authenticator does: the chain
 * must verify against the client CA and allow client authentication; user = CN, groups = O.
 */
final class ClientCertificateAuthenticator {

  private static final String CLIENT_AUTH_USAGE = "1.3.6.1.5.5.7.3.2";
  private static final String ANY_USAGE = "2.5.29.37.0";

  private final Set<TrustAnchor> anchors;

  ClientCertificateAuthenticator(List<X509Certificate> clientCas) {
    this.anchors = Set.copyOf(clientCas.stream().map(ca -> new TrustAnchor(ca, null)).toList());
  }

  /** The caller of a verified chain; empty when there is none, or it does not verify. */
  Optional<Caller> authenticate(Certificate[] chain) {
    if (chain == null || chain.length == 0 || anchors.isEmpty()) {
      return Optional.empty();
    }
    try {
      List<X509Certificate> certificates = new ArrayList<>();
      for (Certificate c : chain) {
        certificates.add((X509Certificate) c);
      }
      X509Certificate leaf = certificates.get(0);
      List<String> usages = leaf.getExtendedKeyUsage();
      if (usages != null && !usages.contains(CLIENT_AUTH_USAGE) && !usages.contains(ANY_USAGE)) {
        return Optional.empty();
      }
      PKIXParameters parameters = new PKIXParameters(anchors);
      parameters.setRevocationEnabled(false);
      CertPathValidator.getInstance("PKIX")
          .validate(
              CertificateFactory.getInstance("X.509").generateCertPath(certificates), parameters);
      return Optional.of(callerOf(leaf));
    } catch (GeneralSecurityException | ClassCastException | InvalidNameException e) {
      return Optional.empty();
    }
  }

  private static Caller callerOf(X509Certificate leaf) throws InvalidNameException {
    String user = "";
    List<String> groups = new ArrayList<>();
    List<Rdn> rdns = new LdapName(leaf.getSubjectX500Principal().getName()).getRdns();
    for (Rdn rdn : rdns) {
      String value = String.valueOf(rdn.getValue());
      if (rdn.getType().equalsIgnoreCase("CN")) {
        user = value;
      } else if (rdn.getType().equalsIgnoreCase("O")) {
        groups.add(value);
      }
    }
    return new Caller(user, "", List.copyOf(groups), Map.of());
  }
}
