package io.camelvk.api;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509TrustManager;

/**
 * The kubelet API's TLS: TLS 1.2 and 1.3, HTTP/1.1 only, client certificates requested but not
 * required, and not verified in the handshake (as Go's {@code RequestClientCert}): {@link
 * ClientCertificateAuthenticator} verifies them, so that a bad certificate with a good bearer token
 * still gets through.
 */
final class ServerTls {

  static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  private ServerTls() {}

  static SslContext context(ServingCertificate serving, List<X509Certificate> clientCas)
      throws SSLException {
    return SslContextBuilder.forServer(
            serving.key(), serving.chain().toArray(X509Certificate[]::new))
        .sslProvider(SslProvider.JDK)
        .protocols(PROTOCOLS)
        .clientAuth(ClientAuth.OPTIONAL)
        .trustManager(new RequestingTrustManager(clientCas))
        .applicationProtocolConfig(
            new ApplicationProtocolConfig(
                ApplicationProtocolConfig.Protocol.ALPN,
                ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                ApplicationProtocolNames.HTTP_1_1))
        .build();
  }

  /** Names the client CAs in the handshake and accepts any chain, to be verified later. */
  private record RequestingTrustManager(List<X509Certificate> clientCas)
      implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      throw new UnsupportedOperationException("a server trust manager only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return clientCas.toArray(X509Certificate[]::new);
    }
  }
}
