package io.camelvk.api.stream.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.provider.TerminalSize;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalSizeDecoderTest {

  private final List<TerminalSize> sizes = new ArrayList<>();
  private final TerminalSizeDecoder decoder = new TerminalSizeDecoder(sizes::add);

  private void feed(String text) {
    decoder.feed(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsOneSizePerMessageAsClientGoEncodesThem() {
    feed("{\"Width\":120,\"Height\":40}\n");
    feed("{\"Width\":80,\"Height\":24}\n");

    assertThat(sizes).containsExactly(new TerminalSize(120, 40), new TerminalSize(80, 24));
  }

  @Test
  void joinsAValueSplitAcrossMessagesAndSplitsValuesJoinedInOne() {
    feed("{\"Width\":1");
    feed("00,\"Hei");
    feed("ght\":30}{\"width\":7,\"height\":8} {\"HEIGHT\":9,\"WIDTH\":10}");

    assertThat(sizes)
        .containsExactly(
            new TerminalSize(100, 30), new TerminalSize(7, 8), new TerminalSize(10, 9));
  }

  @Test
  void stopsAtTheFirstValueThatIsNotASize() {
    feed("{\"Width\":-1,\"Height\":2}");
    feed("{\"Width\":3,\"Height\":4}");

    assertThat(sizes).isEmpty();
  }

  @Test
  void stopsOnSomethingThatIsNotAnObject() {
    feed("[1,2]{\"Width\":3,\"Height\":4}");

    assertThat(sizes).isEmpty();
  }
}
