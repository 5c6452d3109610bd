package tradebot;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tradebot.cli.Commands;
import tradebot.cli.Options;

/**
 * The entry point: picks the mode from the command, or, with none, from the environment (a Discord
 * or Slack token starts that platform's bot; none starts the console chat).
 */
@Command(
    name = "tradebot",
    mixinStandardHelpOptions = true,
    version = "tradebot 0.1.0",
    description = "Answers US-China trade policy questions from cited news articles.")
public final class Main implements Callable<Integer> {
  @Mixin Options options;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    // Lucene logs through java.util.logging: send it to SLF4J like everything else.
    org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
    org.slf4j.bridge.SLF4JBridgeHandler.install();
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests). */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    Commands.register(cli);
    // "--config config" (the default) must not be taken for the "config" subcommand.
    cli.setAllowSubcommandsAsOptionParameters(true);
    // Options before the subcommand are the subcommand's too (where it does not give its own).
    cli.setExecutionStrategy(
        parsed -> {
          Options.inherit(parsed);
          return new CommandLine.RunLast().execute(parsed);
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("tradebot: " + e.getMessage());
          return 1;
        });
    return cli.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    return Commands.defaultMode(options, System.getenv());
  }
}
