package io.camelvk.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.test.ProviderCallCounts;
import java.util.Set;

/**
 * "Exactly once", counted at the boundary the core owns: what a process that took over (after a
 * kill, a stop or a handover) asked its provider, by pod UID, against what the backend already ran
 * when it started. A backend that did not de-duplicate would get no second container.
 */
final class CallsStillNeeded {

  private CallsStillNeeded() {}

  /**
   * The process created every pod the backend did not run yet once, with success, and made no
   * create call at all for those it ran.
   */
  static void createdOnlyTheMissing(
      ProviderCallCounts calls, Set<String> ranBefore, Set<String> all) {
    for (String uid : all) {
      if (ranBefore.contains(uid)) {
        assertThat(calls.count("create", uid, null)).as("creates of adopted pod %s", uid).isZero();
      } else {
        assertThat(calls.count("create", uid, null)).as("creates of pod %s", uid).isOne();
        assertThat(calls.count("create", uid, "ok")).as("ok creates of pod %s", uid).isOne();
      }
    }
  }

  /** The process deleted every pod once, with success. */
  static void deletedEachOnce(ProviderCallCounts calls, Set<String> all) {
    for (String uid : all) {
      assertThat(calls.count("delete", uid, null)).as("deletes of pod %s", uid).isOne();
      assertThat(calls.count("delete", uid, "ok")).as("ok deletes of pod %s", uid).isOne();
    }
  }
}
