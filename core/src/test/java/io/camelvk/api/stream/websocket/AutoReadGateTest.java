package io.camelvk.api.stream.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.api.stream.InboundPipe;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class AutoReadGateTest {

  private final EmbeddedChannel channel = new EmbeddedChannel();
  private final AutoReadGate gate = new AutoReadGate(channel);

  private static void fill(InboundPipe pipe) {
    pipe.offer(new byte[InboundPipe.HIGH_WATER_BYTES + 1]);
  }

  private static void drain(InboundPipe pipe) throws Exception {
    pipe.readNBytes(pipe.available());
  }

  @Test
  void readsAgainOnlyOnceEveryFullPipeHasDrained() throws Exception {
    InboundPipe first = gate.newPipe();
    InboundPipe second = gate.newPipe();

    fill(first);
    boolean readingWithOneFull = channel.config().isAutoRead();
    fill(second);
    drain(first);
    boolean readingWithTheOtherStillFull = channel.config().isAutoRead();
    drain(second);

    assertThat(readingWithOneFull).isFalse();
    assertThat(readingWithTheOtherStillFull).isFalse();
    assertThat(channel.config().isAutoRead()).isTrue();
  }
}
