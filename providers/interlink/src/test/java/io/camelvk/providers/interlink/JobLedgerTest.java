package io.camelvk.providers.interlink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobLedgerTest {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  @TempDir Path dir;

  @Test
  void aNewLedgerOverTheSameDirectoryKnowsThePodsAndTheirJobIds() {
    Pod pod = TestPods.named("ns", "job", "uid-1").build();
    new JobLedger(dir, JSON).record(pod, "slurm-42");

    JobLedger restarted = new JobLedger(dir, JSON);

    assertThat(restarted.byName("ns", "job"))
        .hasValueSatisfying(j -> assertThat(j.jobId()).isEqualTo("slurm-42"));
    restarted.forget("uid-1");
    assertThat(new JobLedger(dir, JSON).all()).isEmpty();
  }

  @Test
  void resolvedEnvironmentValuesReachNoDiskAndTheFileIsTheOwnersOnly() throws IOException {
    Pod pod =
        TestPods.named("ns", "secretive", "uid-2")
            .editSpec()
            .editFirstContainer()
            .addNewEnv()
            .withName("DB_PASSWORD")
            .withValue("super-secret-password")
            .endEnv()
            .endContainer()
            .endSpec()
            .build();

    new JobLedger(dir, JSON).record(pod, "");

    Path file = dir.resolve("uid-2.json");
    assertThat(Files.readString(file))
        .doesNotContain("super-secret-password")
        .contains("secretive");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }
}
