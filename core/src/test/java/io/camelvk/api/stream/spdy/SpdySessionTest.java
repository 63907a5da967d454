package io.camelvk.api.stream.spdy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.spdy.DefaultSpdyDataFrame;
import io.netty.handler.codec.spdy.DefaultSpdyPingFrame;
import io.netty.handler.codec.spdy.DefaultSpdySynStreamFrame;
import io.netty.handler.codec.spdy.SpdyDataFrame;
import io.netty.handler.codec.spdy.SpdyFrame;
import io.netty.handler.codec.spdy.SpdyFrameCodec;
import io.netty.handler.codec.spdy.SpdyGoAwayFrame;
import io.netty.handler.codec.spdy.SpdyPingFrame;
import io.netty.handler.codec.spdy.SpdyRstStreamFrame;
import io.netty.handler.codec.spdy.SpdyStreamStatus;
import io.netty.handler.codec.spdy.SpdySynReplyFrame;
import io.netty.handler.codec.spdy.SpdyVersion;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The session layer on the wire: client frames in as bytes, the server's frames out as bytes. */
class SpdySessionTest {

  private final List<SpdyStream> opened = new ArrayList<>();
  private final EmbeddedChannel server =
      new EmbeddedChannel(
          new SpdyFrameCodec(SpdyVersion.SPDY_3_1),
          new SpdySession(
              new SpdyStreamListener() {
                @Override
                public boolean accepts(SpdyStream stream) {
                  return !stream.header("streamtype").equals("bogus");
                }

                @Override
                public void opened(SpdyStream stream) {
                  opened.add(stream);
                }

                @Override
                public void closed() {}
              }));
  private final EmbeddedChannel client =
      new EmbeddedChannel(new SpdyFrameCodec(SpdyVersion.SPDY_3_1));

  @Test
  void repliesWithAHeaderBlockSpdystreamCanRead() {
    send(syn(1, "stdout"));

    ByteBuf wire = server.readOutbound();
    // control bit, version 3, type 2 (SYN_REPLY); then flags and a 24-bit length
    assertThat(wire.getUnsignedShort(0)).isEqualTo(0x8003);
    assertThat(wire.getUnsignedShort(2)).isEqualTo(2);
    assertThat(wire.getByte(4)).as("no FIN").isZero();
    assertThat(wire.getUnsignedMedium(5))
        .as("stream id and a non-empty header block")
        .isGreaterThan(4);
    assertThat(decode(wire)).singleElement().isInstanceOf(SpdySynReplyFrame.class);
  }

  @Test
  void dataGoesToTheStreamAndFinEndsItsInput() throws Exception {
    send(syn(1, "stdin"));
    send(new DefaultSpdyDataFrame(1, Unpooled.copiedBuffer("abc", StandardCharsets.UTF_8)));
    send(new DefaultSpdyDataFrame(1).setLast(true));

    assertThat(new String(opened.get(0).input().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("abc");
  }

  @Test
  void echoesPingsAndResetsRejectedStreams() {
    send(new DefaultSpdyPingFrame(5));
    send(syn(1, "bogus"));

    List<SpdyFrame> frames = new ArrayList<>();
    for (ByteBuf wire; (wire = server.readOutbound()) != null; ) {
      frames.addAll(decode(wire));
    }
    assertThat(frames).hasSize(2);
    assertThat(((SpdyPingFrame) frames.get(0)).id()).isEqualTo(5);
    assertThat(((SpdyRstStreamFrame) frames.get(1)).status()).isEqualTo(SpdyStreamStatus.CANCEL);
    assertThat(opened).isEmpty();
  }

  @Test
  void finishAndResetWriteTheirFramesOnce() {
    send(syn(1, "stdout"));
    server.readOutbound();
    SpdyStream stream = opened.get(0);

    stream.finish();
    stream.finish();
    stream.reset();

    ByteBuf wire = server.readOutbound();
    assertThat(server.<ByteBuf>readOutbound()).isNull();
    assertThat(decode(wire))
        .singleElement()
        .matches(f -> f instanceof SpdyDataFrame d && d.isLast() && d.streamId() == 1, "FIN");
  }

  @Test
  void anIdleSessionSaysGoodbyeAndCloses() {
    server.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);

    assertThat(decode(server.readOutbound())).singleElement().isInstanceOf(SpdyGoAwayFrame.class);
    assertThat(server.isOpen()).isFalse();
  }

  private static DefaultSpdySynStreamFrame syn(int id, String type) {
    DefaultSpdySynStreamFrame syn = new DefaultSpdySynStreamFrame(id, 0, (byte) 0);
    Map.of("streamtype", type).forEach(syn.headers()::set);
    return syn;
  }

  private void send(SpdyFrame frame) {
    client.writeOutbound(frame);
    CompositeByteBuf bytes = Unpooled.compositeBuffer();
    for (ByteBuf part; (part = client.readOutbound()) != null; ) {
      bytes.addComponent(true, part);
    }
    server.writeInbound(bytes);
  }

  private List<SpdyFrame> decode(ByteBuf wire) {
    client.writeInbound(wire);
    List<SpdyFrame> frames = new ArrayList<>();
    for (SpdyFrame frame; (frame = client.readInbound()) != null; ) {
      frames.add(frame);
    }
    return frames;
  }
}
