package io.camelvk.providers.mock.pod;

/** A mock pod's IP address. */
final class PodAddress {

  private PodAddress() {}

  /**
   * The pod-ip annotation's address ({@code given}), else a loopback address derived from the pod's
   * UID, so that nothing ever leaves the machine.
   */
  static String of(String uid, String given) {
    if (given != null) {
      return given;
    }
    int hash = uid.hashCode() & 0xffff;
    return "127.0." + (hash >> 8) + "." + Math.max(1, hash & 0xff);
  }
}
