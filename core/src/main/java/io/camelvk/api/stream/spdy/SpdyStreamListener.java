package io.camelvk.api.stream.spdy;

/** What runs on top of a {@link SpdySession}: exec/attach or port-forward. */
interface SpdyStreamListener {

  /** Whether to accept a stream with these headers (on the event loop; must not block). */
  boolean accepts(SpdyStream stream);

  /** A stream that was accepted and answered with SYN_REPLY (on the event loop). */
  void opened(SpdyStream stream);

  /** The connection is gone. */
  void closed();
}
