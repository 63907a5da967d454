package io.camelvk.test;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Optional;

/**
 * This machine's first non-loopback IPv4 address: Endpoints and EndpointSlices refuse loopback
 * addresses, so a local process behind a Service must listen on this one.
 */
public final class HostAddress {

  private HostAddress() {}

  public static String ipv4() {
    try {
      Optional<String> address =
          NetworkInterface.networkInterfaces()
              .filter(HostAddress::isUp)
              .flatMap(NetworkInterface::inetAddresses)
              .filter(a -> a instanceof Inet4Address)
              .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
              .map(InetAddress::getHostAddress)
              .findFirst();
      return address.orElseThrow(
          () ->
              new IllegalStateException(
                  "this machine has no non-loopback IPv4 address, which a Service endpoint needs"));
    } catch (SocketException e) {
      throw new IllegalStateException("cannot list the network interfaces", e);
    }
  }

  private static boolean isUp(NetworkInterface network) {
    try {
      return network.isUp() && !network.isLoopback();
    } catch (SocketException e) {
      return false;
    }
  }
}
