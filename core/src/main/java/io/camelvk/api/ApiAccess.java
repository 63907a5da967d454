package io.camelvk.api;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kubelet's access control: authenticate (client certificate, else bearer token from {@code
 * Authorization} or the WebSocket protocol), else 401; authorize with SubjectAccessReviews on
 * {@code nodes/<subresource>}, else 403. Turned off, it lets everyone in. Tokens and certificates
 * never reach a log.
 */
final class ApiAccess {

  private static final Logger LOG = LoggerFactory.getLogger(ApiAccess.class);
  private static final String BEARER = "Bearer ";

  /** What to do with a request: serve it for the caller, or answer status and message. */
  record Decision(Caller caller, HttpResponseStatus status, String message) {
    static Decision allow(Caller caller) {
      return new Decision(caller, HttpResponseStatus.OK, "");
    }

    static Decision deny(HttpResponseStatus status, String message) {
      return new Decision(null, status, message);
    }

    boolean allowed() {
      return caller != null;
    }
  }

  private final ClientCertificateAuthenticator certificates;
  private final TokenReviewAuthenticator tokens;
  private final NodeAuthorizer authorizer;
  private final boolean enabled;

  ApiAccess(
      ClientCertificateAuthenticator certificates,
      TokenReviewAuthenticator tokens,
      NodeAuthorizer authorizer,
      boolean enabled) {
    this.certificates = certificates;
    this.tokens = tokens;
    this.authorizer = authorizer;
    this.enabled = enabled;
  }

  /** Blocks on the API server: call it off the event loop. */
  Decision check(HttpRequest request, String path, Certificate[] peerChain) {
    if (!enabled) {
      return Decision.allow(Caller.ANONYMOUS);
    }
    Optional<Caller> caller;
    try {
      caller = authenticate(request, peerChain);
    } catch (RuntimeException e) {
      LOG.error("cannot authenticate a kubelet API request: {}", e.getMessage());
      return Decision.deny(HttpResponseStatus.UNAUTHORIZED, "Unauthorized");
    }
    if (caller.isEmpty()) {
      return Decision.deny(HttpResponseStatus.UNAUTHORIZED, "Unauthorized");
    }
    return authorize(caller.get(), NodeSubresources.verb(request.method()), path);
  }

  private Optional<Caller> authenticate(HttpRequest request, Certificate[] peerChain) {
    Optional<Caller> byCertificate = certificates.authenticate(peerChain);
    if (byCertificate.isPresent()) {
      return byCertificate;
    }
    Optional<String> token = bearerToken(request).or(() -> WebSocketBearerToken.of(request));
    return token.flatMap(tokens::authenticate);
  }

  private static Optional<String> bearerToken(HttpRequest request) {
    String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    String token = authorization.substring(BEARER.length()).strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  private Decision authorize(Caller caller, String verb, String path) {
    List<String> subresources = NodeSubresources.forPath(path);
    for (String subresource : subresources) {
      try {
        if (authorizer.allowed(caller, verb, subresource)) {
          return Decision.allow(caller);
        }
      } catch (RuntimeException e) {
        LOG.error("cannot authorize a kubelet API request: {}", e.getMessage());
        return Decision.deny(
            HttpResponseStatus.INTERNAL_SERVER_ERROR,
            String.format(
                "Authorization error (user=%s, verb=%s, resource=nodes, subresource=%s)",
                caller.user(), verb, subresource));
      }
    }
    return Decision.deny(
        HttpResponseStatus.FORBIDDEN,
        String.format(
            "Forbidden (user=%s, verb=%s, resource=nodes, subresource(s)=[%s])\n",
            caller.user(), verb, String.join(" ", subresources)));
  }
}
