package tradebot.cli;

import java.util.Map;
import java.util.ServiceLoader;
import picocli.CommandLine;

/** The subcommands, and the choice of mode when none is given. */
public final class Commands {
  private Commands() {}

  /**
   * Adds every subcommand to {@code cli}, and the measurement ones where they are on the class
   * path.
   */
  public static void register(CommandLine cli) {
    cli.addSubcommand(new ChatCommand());
    cli.addSubcommand(new AskCommand());
    cli.addSubcommand(new SourcesCommand());
    cli.addSubcommand(new ReportCommand());
    cli.addSubcommand(new TariffCommand());
    cli.addSubcommand(new IndexCommand());
    cli.addSubcommand(new EvalCommand());
    cli.addSubcommand(new FitCommand());
    cli.addSubcommand(new SlackCommand());
    cli.addSubcommand(new InspectCommand());
    cli.addSubcommand(new ServeCommand());
    cli.addSubcommand(new ConfigCommand());
    cli.addSubcommand(new DiscordCommand(System.getenv()));
    // bench and gen-corpus: only in the benchmark jar, never in the production one.
    for (MeasurementCommand c : ServiceLoader.load(MeasurementCommand.class)) {
      cli.addSubcommand(c);
    }
  }

  /**
   * With no subcommand: the Discord bot when DISCORD_TOKEN is set, the Slack app when
   * SLACK_BOT_TOKEN is set, else the console chat.
   */
  public static int defaultMode(Options options, Map<String, String> env) throws Exception {
    if (isSet(env, DiscordCommand.TOKEN_VARIABLE)) {
      DiscordCommand discord = new DiscordCommand(env);
      discord.options = options;
      return discord.call();
    }
    if (isSet(env, "SLACK_BOT_TOKEN") && !isSet(env, "DISCORD_TOKEN")) {
      SlackCommand slack = new SlackCommand();
      slack.options = options;
      slack.env = env;
      return slack.call();
    }
    ChatCommand chat = new ChatCommand();
    chat.options = options;
    return chat.call();
  }

  private static boolean isSet(Map<String, String> env, String name) {
    String value = env.get(name);
    return value != null && !value.isBlank();
  }
}
