package tradebot.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} on a free loopback port, with nothing saved to disk, for the tests of
 * shared state. {@code .ci/run} installs the server from the system's packages; on a machine
 * without it the tests that need it are skipped, saying so, except under CI, where they fail.
 */
public final class RedisServer implements AutoCloseable {
  private static final Duration START_WAIT = Duration.ofSeconds(10);

  private final Process process;
  private final int port;

  private RedisServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts one, writing its log to {@code dir}. */
  public static RedisServer start(Path dir) throws IOException, InterruptedException {
    return start(dir, null);
  }

  /** Starts one that asks clients for {@code password} (none when null). */
  public static RedisServer start(Path dir, String password)
      throws IOException, InterruptedException {
    Path binary = binary();
    int port = Ports.closed();
    Files.createDirectories(dir);
    Process p =
        new ProcessBuilder(
                List.of(
                    binary.toString(),
                    "--port",
                    String.valueOf(port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--dir",
                    dir.toString(),
                    "--requirepass",
                    password == null ? "" : password))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    RedisServer server = new RedisServer(p, port);
    long deadline = System.nanoTime() + START_WAIT.toNanos();
    while (!server.pings()) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        server.close();
        throw new AssertionError(
            "redis-server did not answer PING on port "
                + port
                + "; its log:\n"
                + Files.readString(dir.resolve("redis.log")));
      }
      Thread.sleep(20);
    }
    return server;
  }

  private static Path binary() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path p = Path.of(dir, "redis-server");
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    String why = "redis-server is not installed (apt-get install redis-server; .ci/run does)";
    if ("true".equals(System.getenv("CI"))) {
      throw new AssertionError(why);
    }
    Assumptions.abort(why);
    throw new AssertionError(why); // not reached
  }

  /** {@code redis://127.0.0.1:PORT}. */
  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /**
   * Sends one inline command (e.g. {@code SET k v}) on a connection of its own, as another client
   * would; returns the first line of the reply.
   */
  public String command(String line) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(2000);
      s.getOutputStream().write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
      s.getOutputStream().flush();
      return new java.io.BufferedReader(
              new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))
          .readLine();
    }
  }

  /** Whether the server answers PING with PONG. */
  public boolean pings() {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(1000);
      OutputStream out = s.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] buf = new byte[7];
      int n = in.readNBytes(buf, 0, 7);
      String reply = new String(buf, 0, n, StandardCharsets.US_ASCII);
      return reply.startsWith("+PONG") || reply.startsWith("-NOAUTH");
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }
}
