package io.camelvk.provider.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodVolumesTest {

  private final byte[] secret = "s3cr3t".getBytes(StandardCharsets.UTF_8);
  private final PodVolumes volumes =
      new PodVolumes(
          List.of(
              new ResolvedVolume(
                  "creds", VolumeKind.SECRET, List.of(new VolumeFile("password", secret, 0400))),
              new ResolvedVolume("scratch", VolumeKind.EMPTY_DIR, List.of())));

  @Test
  void aFileKeepsItsBytesWhateverItsMakerOrReaderDoesToTheirArrays() {
    VolumeFile file = volumes.volume("creds").orElseThrow().files().getFirst();

    secret[0] = 'X';
    file.bytes()[1] = 'X';

    assertThat(new String(file.bytes(), StandardCharsets.UTF_8)).isEqualTo("s3cr3t");
    assertThat(file.content().remaining()).isEqualTo(6);
    assertThat(file.content().isReadOnly()).isTrue();
  }

  @Test
  void toStringShowsPathsSizesAndModesButNeverTheBytes() {
    assertThat(volumes.toString())
        .isEqualTo(
            "PodVolumes[creds (secret: [password (6 bytes, mode 400)]), scratch (emptyDir: [])]");
  }

  @Test
  void asJsonForARouteEachFileHasItsPathBase64BytesAndModeAndTheKindItsSpecName() throws Exception {
    String json = new ObjectMapper().writeValueAsString(volumes);

    assertThat(json)
        .isEqualTo(
            "{\"volumes\":[{\"name\":\"creds\",\"kind\":\"secret\",\"files\":[{\"path\":\"password\","
                + "\"bytes\":\"czNjcjN0\",\"mode\":256}]},"
                + "{\"name\":\"scratch\",\"kind\":\"emptyDir\",\"files\":[]}]}");
  }

  @Test
  void aFilesPathIsRelativeToItsVolume() {
    assertThatThrownBy(() -> new VolumeFile("/etc/passwd", new byte[0], 0644))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
