package io.camelvk.provider.http;

import javax.net.ssl.SSLContext;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Camel's TLS settings for an endpoint (camel-http's {@code sslContextParameters}) that hand out a
 * context made already, from PEM files Camel's key store parameters do not read.
 */
final class FixedSslContextParameters extends SSLContextParameters {

  private final SSLContext context;

  FixedSslContextParameters(SSLContext context) {
    this.context = context;
  }

  @Override
  public SSLContext createSSLContext(CamelContext camelContext) {
    return context;
  }
}
