package io.camelvk.api.stream.websocket;

/** What a session hears from its WebSocket, called on the event loop: it must not block. */
interface ChannelListener {

  /** A message on {@code channel} (never empty). */
  void data(int channel, byte[] payload);

  /** The v5 close signal: the client sends nothing more on {@code channel}. */
  void closeSignal(int channel);

  /** The client sent its close frame: it sends nothing more on any channel. */
  void clientClosed();

  /** The connection is gone. */
  void ended();
}
