package io.camelvk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PodsCsvTest {

  @Test
  void everyPodOfEveryRunIsALineWithEmptyCellsForTimesNotSeen() throws Exception {
    StringWriter csv = new StringWriter();

    PodsCsv.write(List.of(SampleRuns.floor(1, 2.0, 1.0), SampleRuns.vk(1, 3.0, 4.0)), csv);

    assertThat(csv.toString())
        .isEqualTo(
            """
            run,mode,pod,createdSeconds,readySeconds,goneSeconds
            1,floor,floor-0,0.010,0.500,2.000
            1,floor,floor-1,0.020,,
            1,vk,vk-0,0.010,0.600,2.500
            1,vk,vk-1,0.020,0.900,2.600
            """);
  }

  @Test
  void theFileHoldsTheSameLines(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("pods.csv");

    PodsCsv.write(List.of(SampleRuns.vk(2, 3.0, 4.0)), file);

    assertThat(Files.readAllLines(file))
        .containsExactly(
            PodsCsv.HEADER, "2,vk,vk-0,0.010,0.600,2.500", "2,vk,vk-1,0.020,0.900,2.600");
  }
}
