package io.camelvk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.provider.LogOptions;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LogQueryTest {

  private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static LogOptions parse(String query) throws LogQuery.Refused {
    return LogQuery.parse(new QueryStringDecoder("/x?" + query).parameters(), CLOCK);
  }

  @Test
  void readsTheApiServersParameters() throws Exception {
    LogOptions options =
        parse(
            "follow=true&previous=true&timestamps=true&tailLines=5&limitBytes=100&sinceSeconds=30");

    assertThat(options).isEqualTo(new LogOptions(5, NOW.minusSeconds(30), 100L, true, true, true));
  }

  @Test
  void readsSinceTimeAndTheLegacyTail() throws Exception {
    assertThat(parse("sinceTime=2026-11-25T07:59:00Z").since())
        .isEqualTo(Instant.parse("2026-11-25T07:59:00Z"));
    assertThat(parse("tail=7").tailLines()).isEqualTo(7);
    assertThat(parse("tail=all&tailLines=3").tailLines()).isNull();
    assertThat(parse("")).isEqualTo(LogOptions.ALL);
  }

  @Test
  void readsFlagsAsGoDoes() throws Exception {
    assertThat(parse("follow=1").follow()).isTrue();
    assertThat(parse("follow=yes").follow()).isTrue();
    assertThat(parse("follow=0").follow()).isFalse();
    assertThat(parse("follow=FALSE").follow()).isFalse();
  }

  @Test
  void refusesWhatDoesNotDecodeWith400() {
    for (String query : new String[] {"tailLines=x", "limitBytes=1.5", "sinceTime=yesterday"}) {
      assertThatThrownBy(() -> parse(query))
          .as(query)
          .isInstanceOfSatisfying(
              LogQuery.Refused.class,
              e -> {
                assertThat(e.status()).isEqualTo(HttpResponseStatus.BAD_REQUEST);
                assertThat(e.getMessage()).isEqualTo("{\"message\": \"Unable to decode query.\"}");
              });
    }
  }

  @Test
  void refusesWhatDoesNotValidateWith422() {
    for (String query :
        new String[] {
          "tailLines=-1",
          "limitBytes=0",
          "sinceSeconds=0",
          "sinceSeconds=5&sinceTime=2026-11-25T07:59:00Z",
          "stream=Stdout"
        }) {
      assertThatThrownBy(() -> parse(query))
          .as(query)
          .isInstanceOfSatisfying(
              LogQuery.Refused.class,
              e -> assertThat(e.status()).isEqualTo(HttpResponseStatus.UNPROCESSABLE_ENTITY));
    }
  }
}
