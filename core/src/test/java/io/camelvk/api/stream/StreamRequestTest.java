package io.camelvk.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.api.stream.StreamRequest.Kind;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.junit.jupiter.api.Test;

class StreamRequestTest {

  @Test
  void readsAnExecAsTheApiServerSendsIt() throws Exception {
    StreamRequest exec =
        parse(Kind.EXEC, "/exec/ns/web/app?command=sh&command=-c&command=echo+hi&error=1&input=1");

    assertThat(exec.namespace()).isEqualTo("ns");
    assertThat(exec.pod()).isEqualTo("web");
    assertThat(exec.container()).isEqualTo("app");
    assertThat(exec.command()).containsExactly("sh", "-c", "echo hi");
    assertThat(exec.stdin()).isTrue();
    assertThat(exec.stdout()).isFalse();
    assertThat(exec.stderr()).isTrue();
    assertThat(exec.tty()).isFalse();
  }

  @Test
  void acceptsTheUidVariantAndDropsStderrWithATty() throws Exception {
    StreamRequest attach = parse(Kind.ATTACH, "/attach/ns/web/1234/app?output=1&error=1&tty=1");

    assertThat(attach.container()).isEqualTo("app");
    assertThat(attach.stdout()).isTrue();
    assertThat(attach.stderr()).isFalse();
    assertThat(attach.tty()).isTrue();
  }

  @Test
  void flagsAreOnOnlyForTheLiteralOne() throws Exception {
    assertThatThrownBy(() -> parse(Kind.ATTACH, "/attach/ns/web/app?output=true&input=yes"))
        .isInstanceOfSatisfying(
            StreamRequest.Refused.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageContaining("at least 1 of stdin, stdout, stderr");
  }

  @Test
  void refusesAnExecWithoutCommandAndPathsOfTheWrongShape() {
    assertThatThrownBy(() -> parse(Kind.EXEC, "/exec/ns/web/app?output=1"))
        .hasMessageContaining("command");
    assertThatThrownBy(() -> parse(Kind.EXEC, "/exec/ns/web?command=ls&output=1"))
        .isInstanceOfSatisfying(
            StreamRequest.Refused.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThatThrownBy(() -> parse(Kind.EXEC, "/exec/ns//app?command=ls&output=1"))
        .isInstanceOfSatisfying(
            StreamRequest.Refused.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void readsPortsRepeatedAndCommaSeparated() throws Exception {
    StreamRequest forward = parse(Kind.PORT_FORWARD, "/portForward/ns/web?port=80,8080&port=9090");

    assertThat(forward.ports()).containsExactly(80, 8080, 9090);
    assertThat(forward.isRemoteCommand()).isFalse();
    assertThat(parse(Kind.PORT_FORWARD, "/portForward/ns/web").ports()).isEmpty();
  }

  @Test
  void refusesPortsOutsideTheRange() {
    for (String port : new String[] {"0", "65536", "-1", "http", ""}) {
      assertThatThrownBy(() -> parse(Kind.PORT_FORWARD, "/portForward/ns/web?port=" + port))
          .isInstanceOfSatisfying(
              StreamRequest.Refused.class, e -> assertThat(e.status()).isEqualTo(400))
          .hasMessageContaining("invalid port");
    }
  }

  private static StreamRequest parse(Kind kind, String uri) throws StreamRequest.Refused {
    QueryStringDecoder decoder = new QueryStringDecoder(uri);
    return StreamRequest.parse(kind, decoder.path(), decoder.parameters());
  }
}
