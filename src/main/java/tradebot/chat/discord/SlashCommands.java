package tradebot.chat.discord;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.SlashCommandInteraction;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.MiscUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradebot.chat.ChatRequest;
import tradebot.chat.Command;
import tradebot.chat.Platform;
import tradebot.config.TradebotConfig;
import tradebot.knowledge.ArticleUpload;
import tradebot.service.TradeService;

/**
 * The slash commands: their definitions, their registration, and the request each invocation stands
 * for. Thread-safe (stateless).
 */
final class SlashCommands {
  private static final Logger log = LoggerFactory.getLogger(SlashCommands.class);

  /** The /add option that carries the file. */
  static final String FILE_OPTION = "file";

  private SlashCommands() {}

  /**
   * /ask, /tariff, /sources, /help, and /reload, /add and /report (hidden from members without
   * Manage Server).
   */
  static List<CommandData> definitions() {
    return List.of(
        Commands.slash("ask", "Ask about US-China trade policy; the answer quotes its sources.")
            .addOption(OptionType.STRING, "question", "Your question", true)
            .setContexts(InteractionContextType.GUILD),
        Commands.slash("tariff", "The latest tariff level each way, with a chart.")
            .addOptions(
                new OptionData(OptionType.STRING, "direction", "Which way")
                    .addChoice("US tariffs on Chinese goods", "us-china")
                    .addChoice("China's tariffs on US goods", "china-us"),
                new OptionData(
                    OptionType.BOOLEAN, "history", "Show every change, not just the latest"))
            .setContexts(InteractionContextType.GUILD),
        Commands.slash("sources", "The articles I answer from.")
            .setContexts(InteractionContextType.GUILD),
        Commands.slash("reload", "Reload the knowledge base (moderators).")
            .setContexts(InteractionContextType.GUILD)
            .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER)),
        Commands.slash("add", "Add an article from a file and reload (moderators).")
            .addOptions(
                new OptionData(
                    OptionType.ATTACHMENT,
                    FILE_OPTION,
                    "A .md or .txt article with front matter, or an .html page saved from the browser",
                    true),
                new OptionData(OptionType.STRING, "title", "The headline, if the file lacks it"),
                new OptionData(
                    OptionType.STRING, "outlet", "The publication, if the file lacks it"),
                new OptionData(
                    OptionType.STRING, "published", "The day it was published, e.g. 2025-04-11"),
                new OptionData(OptionType.STRING, "url", "The link to the original page"),
                new OptionData(OptionType.STRING, "author", "The byline"))
            .setContexts(InteractionContextType.GUILD)
            .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER)),
        Commands.slash("report", "Questions I could not answer, answers voted down (moderators).")
            .addOptions(
                new OptionData(OptionType.INTEGER, "days", "The last how many days (default 7)")
                    .setRequiredRange(1, TradeService.REPORT_MAX_DAYS))
            .setContexts(InteractionContextType.GUILD)
            .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER)),
        Commands.slash("help", "What I can do, with an example of each command.")
            .setContexts(InteractionContextType.GUILD));
  }

  /**
   * Registers the commands once across every shard process: in each of {@code guildIds} (instant:
   * for development) by the process that runs the guild's shard, or globally when there are none
   * (Discord may take up to an hour to show changes) by the process that runs shard 0.
   */
  static void register(ShardManager manager, List<String> guildIds, TradebotConfig.Shards plan) {
    if (guildIds.isEmpty()) {
      JDA first = manager.getShardById(0);
      if (!plan.registersGlobalCommands() || first == null) {
        log.info("global commands are registered by the process that runs shard 0");
        return;
      }
      first
          .updateCommands()
          .addCommands(definitions())
          .queue(
              ok -> log.info("registered {} global commands", ok.size()),
              e -> log.error("could not register global commands: {}", e.getMessage()));
      return;
    }
    int total = manager.getShardsTotal();
    for (String id : guildIds) {
      long guildId = Moderators.snowflake(id);
      int shard = MiscUtil.getShardForGuild(guildId, total);
      if (manager.getShardById(shard) == null) {
        log.info(
            "guild {} is on shard {}: the process that runs it registers its commands", id, shard);
        continue;
      }
      Guild guild = manager.getGuildById(guildId);
      if (guild == null) {
        log.warn("discord.guild_ids: the bot is not in guild {}; invite it first (see README)", id);
        continue;
      }
      guild
          .updateCommands()
          .addCommands(definitions())
          .queue(
              ok -> log.info("registered {} commands in guild {}", ok.size(), id),
              e -> log.error("could not register commands in guild {}: {}", id, e.getMessage()));
    }
  }

  /** The request {@code e} stands for, or null for a command this bot does not have. */
  static ChatRequest toRequest(SlashCommandInteraction e, boolean moderator) {
    Command command =
        switch (e.getName()) {
          case "ask" -> Command.ASK;
          case "tariff" -> Command.TARIFF;
          case "sources" -> Command.SOURCES;
          case "reload" -> Command.RELOAD;
          case "report" -> Command.REPORT;
          case "add" -> Command.ADD;
          case "help" -> Command.HELP;
          default -> null;
        };
    if (command == null) {
      return null;
    }
    Map<String, String> options = new HashMap<>();
    OptionMapping direction = e.getOption("direction");
    if (direction != null) {
      options.put("direction", direction.getAsString());
    }
    OptionMapping history = e.getOption("history");
    if (history != null && history.getAsBoolean()) {
      options.put("history", "true");
    }
    OptionMapping days = e.getOption("days");
    if (days != null) {
      options.put("days", days.getAsString());
    }
    for (String field : ArticleUpload.Fields.NAMES) {
      OptionMapping value = e.getOption(field);
      if (value != null) {
        options.put(field, value.getAsString());
      }
    }
    OptionMapping question = e.getOption("question");
    return new ChatRequest(
        Platform.DISCORD,
        e.getUser().getId(),
        e.getChannelId(),
        command,
        question == null ? "" : question.getAsString(),
        moderator,
        options);
  }
}
