package io.camelvk.api.stream.spdy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.Test;

class StreamProtocolNegotiationTest {

  @Test
  void picksTheFirstClientValueWeSupportAcrossHeaderLinesAndCommas() {
    HttpHeaders headers = new DefaultHttpHeaders();
    headers.add("X-Stream-Protocol-Version", "v9.channel.k8s.io, v3.channel.k8s.io");
    headers.add("X-Stream-Protocol-Version", "v4.channel.k8s.io");

    StreamProtocolNegotiation result =
        StreamProtocolNegotiation.negotiate(headers, StreamProtocolNegotiation.REMOTE_COMMAND);

    assertThat(result.chosen()).contains("v3.channel.k8s.io");
  }

  @Test
  void refusesWith403ListingWhatWeAccept() {
    HttpHeaders headers =
        new DefaultHttpHeaders().add("X-Stream-Protocol-Version", "v4.channel.k8s.io");

    StreamProtocolNegotiation result =
        StreamProtocolNegotiation.negotiate(headers, StreamProtocolNegotiation.PORT_FORWARD);

    assertThat(result.chosen()).isEmpty();
    assertThat(result.status()).isEqualTo(HttpResponseStatus.FORBIDDEN);
    assertThat(result.accepted()).containsExactly("portforward.k8s.io");
    assertThat(result.message())
        .isEqualTo(
            "unable to upgrade: unable to negotiate protocol: client supports"
                + " [v4.channel.k8s.io], server accepts [portforward.k8s.io]\n");
  }

  @Test
  void refusesAMissingOrBlankHeaderWith400() {
    HttpHeaders blank = new DefaultHttpHeaders().add("X-Stream-Protocol-Version", ",,");

    assertThat(
            StreamProtocolNegotiation.negotiate(
                    new DefaultHttpHeaders(), StreamProtocolNegotiation.PORT_FORWARD)
                .status())
        .isEqualTo(HttpResponseStatus.BAD_REQUEST);
    assertThat(
            StreamProtocolNegotiation.negotiate(blank, StreamProtocolNegotiation.PORT_FORWARD)
                .status())
        .isEqualTo(HttpResponseStatus.BAD_REQUEST);
  }

  @Test
  void knowsTheRemoteCommandGeneration() {
    assertThat(StreamProtocolNegotiation.remoteCommandVersion("v5.channel.k8s.io")).isEqualTo(5);
    assertThat(StreamProtocolNegotiation.remoteCommandVersion("v2.channel.k8s.io")).isEqualTo(2);
    assertThat(StreamProtocolNegotiation.remoteCommandVersion("channel.k8s.io")).isEqualTo(1);
  }
}
