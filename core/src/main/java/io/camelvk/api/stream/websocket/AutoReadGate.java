package io.camelvk.api.stream.websocket;

import io.camelvk.api.stream.InboundPipe;
import io.netty.channel.Channel;

/**
 * Back-pressure for the pipes of one WebSocket: the socket is not read while any of them is full,
 * and read again once none is (a port-forward has a pipe per port).
 */
final class AutoReadGate {

  private final Channel channel;
  private int full;

  AutoReadGate(Channel channel) {
    this.channel = channel;
  }

  /** A pipe whose fill level takes part in the gate. */
  InboundPipe newPipe() {
    return new InboundPipe(this::pause, this::resume);
  }

  private synchronized void pause() {
    if (full++ == 0) {
      channel.config().setAutoRead(false);
    }
  }

  private synchronized void resume() {
    if (--full == 0) {
      channel.config().setAutoRead(true);
    }
  }
}
