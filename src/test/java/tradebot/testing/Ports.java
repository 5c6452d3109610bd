package tradebot.testing;

import java.io.IOException;
import java.net.ServerSocket;

/** Test-only: local ports. */
public final class Ports {
  private Ports() {}

  /** A loopback port that was free a moment ago and has no listener: a connection is refused. */
  public static int closed() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
