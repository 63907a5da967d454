package io.camelvk.api.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.provider.ContainerExec;
import io.camelvk.provider.ProviderException;
import io.camelvk.provider.RemoteStreams;
import io.camelvk.provider.TerminalResizes;
import io.camelvk.test.IdleProvider;
import io.camelvk.test.TestProviders;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** How a provider's failure becomes the outcome every transport reports the same way. */
class StreamBackendTest {

  @Test
  void aProviderExceptionIsAnErrorWithItsMessage() throws Exception {
    RemoteCommandOutcome outcome =
        run(
            () -> {
              throw ProviderException.invalid("cannot exec in a stopped container");
            });

    assertThat(outcome.error()).isEqualTo("cannot exec in a stopped container");
  }

  @Test
  void anUnexpectedExceptionIsAnErrorTooNotALostSession() throws Exception {
    RemoteCommandOutcome outcome =
        run(
            () -> {
              throw new IllegalStateException("boom");
            });

    assertThat(outcome.error()).isEqualTo("java.lang.IllegalStateException: boom");
  }

  @Test
  void anExitCodeIsReportedModulo256() throws Exception {
    assertThat(run(() -> 258).exitCode()).isEqualTo(2);
  }

  private static RemoteCommandOutcome run(Supplier<Integer> command) throws Exception {
    QueryStringDecoder uri = new QueryStringDecoder("/exec/ns/web/app?command=x&output=1");
    StreamRequest request =
        StreamRequest.parse(StreamRequest.Kind.EXEC, uri.path(), uri.parameters());
    RemoteStreams streams =
        new RemoteStreams(
            Optional.empty(), Optional.empty(), Optional.empty(), false, new TerminalResizes());
    return TestProviders.streams(new Scripted(command)).run(request, streams);
  }

  private static final class Scripted extends IdleProvider implements ContainerExec {
    private final Supplier<Integer> command;

    Scripted(Supplier<Integer> command) {
      this.command = command;
    }

    @Override
    public int exec(
        String namespace, String pod, String container, List<String> args, RemoteStreams io) {
      return command.get();
    }
  }
}
