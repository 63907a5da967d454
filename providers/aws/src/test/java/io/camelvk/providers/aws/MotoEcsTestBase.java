package io.camelvk.providers.aws;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;

/**
 * A moto per test class with an {@link EcsClient} from {@link AwsClients} on it; before each test
 * moto is reset, task transitions are manual and {@link MotoTasks} has made the cluster and the
 * task definition.
 */
abstract class MotoEcsTestBase {

  static MotoServer moto;
  static EcsClient ecs;
  MotoTasks tasks;

  @BeforeAll
  @Timeout(value = MotoServer.START_MINUTES, unit = TimeUnit.MINUTES)
  static void startMoto() {
    moto = MotoServer.start();
    ecs = new AwsClients(Region.of(MotoServer.REGION), Optional.of(moto.endpoint())).ecs();
  }

  @AfterAll
  static void stopMoto() {
    if (ecs != null) {
      ecs.close();
    }
    if (moto != null) {
      moto.close();
    }
  }

  @BeforeEach
  void freshMoto() {
    moto.reset();
    moto.manualTaskTransitions();
    tasks = MotoTasks.prepare(ecs, moto);
  }

  static List<String> listTasks(DesiredStatus status) {
    return ecs.listTasks(request -> request.cluster(MotoTasks.CLUSTER).desiredStatus(status))
        .taskArns();
  }

  /** An ARN of the cluster's form that no task has. */
  static String unknownTaskArn(String someTaskArn) {
    return someTaskArn.substring(0, someTaskArn.lastIndexOf('/') + 1)
        + "0123456789abcdef0123456789abcdef";
  }
}
