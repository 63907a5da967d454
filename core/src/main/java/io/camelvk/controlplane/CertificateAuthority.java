package io.camelvk.controlplane;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A self-signed certificate authority that issues TLS server and client certificates. */
public final class CertificateAuthority {

  static final Duration VALIDITY = Duration.ofDays(365);
  private static final Duration CLOCK_SKEW = Duration.ofHours(1);
  private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final IssuedCertificate identity;

  private CertificateAuthority(IssuedCertificate identity) {
    this.identity = identity;
  }

  /** Creates a new CA with a fresh EC P-256 key. */
  public static CertificateAuthority create(String commonName) {
    KeyPair keys = newEcKeyPair();
    X500Name subject = name(commonName, List.of());
    try {
      X509v3CertificateBuilder builder = builder(subject, subject, keys);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
      return new CertificateAuthority(new IssuedCertificate(keys, sign(builder, keys)));
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot create certificate authority", e);
    }
  }

  IssuedCertificate identity() {
    return identity;
  }

  public X509Certificate certificate() {
    return identity.certificate();
  }

  /** The CA's certificate in PEM, for a file that clients trust. */
  public String certificatePem() {
    return identity.certificatePem();
  }

  /** Issues a serving certificate for the given DNS names and IP addresses. */
  public IssuedCertificate issueServer(String commonName, List<String> dns, List<String> ips) {
    List<GeneralName> names = new ArrayList<>();
    dns.forEach(d -> names.add(new GeneralName(GeneralName.dNSName, d)));
    ips.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
    return issue(name(commonName, List.of()), KeyPurposeId.id_kp_serverAuth, names);
  }

  /** Issues a client certificate; Kubernetes reads the organizations as the user's groups. */
  public IssuedCertificate issueClient(String commonName, List<String> organizations) {
    return issue(name(commonName, organizations), KeyPurposeId.id_kp_clientAuth, List.of());
  }

  private IssuedCertificate issue(X500Name subject, KeyPurposeId purpose, List<GeneralName> sans) {
    KeyPair keys = newEcKeyPair();
    try {
      X500Name issuer = name(certificate().getSubjectX500Principal().getName());
      X509v3CertificateBuilder builder = builder(issuer, subject, keys);
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          extensions.createAuthorityKeyIdentifier(certificate()));
      if (!sans.isEmpty()) {
        builder.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(sans.toArray(GeneralName[]::new)));
      }
      return new IssuedCertificate(keys, sign(builder, identity.keys()));
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot issue certificate for " + subject, e);
    }
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer,
        new BigInteger(127, RANDOM).add(BigInteger.ONE),
        Date.from(now.minus(CLOCK_SKEW)),
        Date.from(now.plus(VALIDITY)),
        subject,
        keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
      throws GeneralSecurityException {
    try {
      var signerBuilder =
          new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signer.getPrivate());
      return new JcaX509CertificateConverter().getCertificate(builder.build(signerBuilder));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static X500Name name(String commonName, List<String> organizations) {
    X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
    organizations.forEach(o -> builder.addRDN(BCStyle.O, o));
    builder.addRDN(BCStyle.CN, commonName);
    return builder.build();
  }

  private static X500Name name(String rfc2253) {
    return new X500Name(BCStyle.INSTANCE, rfc2253);
  }

  static KeyPair newEcKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("EC P-256 is not available in this JDK", e);
    }
  }
}
