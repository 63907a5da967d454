package io.camelvk.bench;

/**
 * One pod's times in seconds from its run's first create: created (its create sent), Ready (the
 * bench saw it Running and Ready) and gone (the bench saw it deleted); null when not seen.
 */
record PodTimes(String pod, Double createdSeconds, Double readySeconds, Double goneSeconds) {

  /** Create to Ready, or null when either is missing. */
  Double latencySeconds() {
    return createdSeconds == null || readySeconds == null ? null : readySeconds - createdSeconds;
  }
}
