package tradebot.chat.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.dv8tion.jda.api.Permission;

/**
 * The JSON objects {@link FakeDiscord} sends: the bot user, the one guild (a text channel, a
 * thread, an @everyone, a moderator and a manager role), interactions and messages. Ids are
 * snowflakes of now, since JDA treats an interaction as expired 15 minutes after its id's time.
 * Thread-safe.
 */
final class FakePayloads {
  static final long DISCORD_EPOCH = 1420070400000L;
  static final String APP = "1100000000000000001";
  static final String BOT = APP;
  static final String GUILD = "1100000000000000010";
  static final String OWNER = "1100000000000000011";
  static final String CHANNEL = "1100000000000000020";
  static final String THREAD = "1100000000000000021";
  static final String MOD_ROLE = "1100000000000000030";
  static final String MANAGER_ROLE = "1100000000000000031";
  static final String SESSION = "fake-session-1";

  static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private FakePayloads() {}

  static String snowflake() {
    long ms = System.currentTimeMillis() - DISCORD_EPOCH;
    return Long.toString((ms << 22) | (SEQUENCE.incrementAndGet() & 0x3FFFFF));
  }

  static String token(String interactionId) {
    return "tok-" + interactionId;
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode botUser() {
    return (ObjectNode)
        parse(
            """
        {"id": "%s", "username": "tradebot", "discriminator": "0000", "global_name": null,
         "avatar": null, "bot": true, "flags": 0}"""
                .formatted(BOT));
  }

  static ObjectNode user(String id, String name, boolean bot) {
    return (ObjectNode)
        parse(
            """
        {"id": "%s", "username": "%s", "discriminator": "0", "global_name": "%s", "avatar": null,
         "bot": %s}"""
                .formatted(id, name, name, bot));
  }

  private static ObjectNode member(JsonNode user, List<String> roles, boolean withPermissions) {
    ObjectNode m =
        (ObjectNode)
            parse(
                """
        {"roles": %s, "joined_at": "%s", "deaf": false, "mute": false, "flags": 0}"""
                    .formatted(write(roles), Instant.now()));
    if (user != null) {
      m.set("user", user);
    }
    if (withPermissions) {
      m.put("permissions", "0");
    }
    return m;
  }

  /** A second guild, on the other shard of two than {@link #GUILD} (shard 0 of 2; GUILD is 1). */
  static final String GUILD_2 = String.valueOf(Long.parseLong(GUILD) + (1L << 22));

  /**
   * Guild {@code guild}'s text channel: 10 past its id, as {@link #CHANNEL} is {@link #GUILD}'s.
   */
  static String channelOf(String guild) {
    return String.valueOf(Long.parseLong(guild) + 10);
  }

  /** READY for shard {@code shard} of {@code total}, holding {@code guilds} (unavailable yet). */
  static JsonNode ready(
      String gatewayUrl, String session, List<String> guilds, int shard, int total) {
    String list =
        String.join(
            ", ",
            guilds.stream()
                .map(g -> "{\"id\": \"%s\", \"unavailable\": true}".formatted(g))
                .toList());
    return parse(
        """
        {"v": 10, "user": %s, "guilds": [%s], "shard": [%d, %d],
         "session_id": "%s", "resume_gateway_url": "%s", "application": {"id": "%s", "flags": 0},
         "private_channels": [], "_trace": ["fake"]}"""
            .formatted(write(botUser()), list, shard, total, session, gatewayUrl, APP));
  }

  /**
   * The guild {@code guild} ("Trade desk" for {@link #GUILD}): roles, a text channel and a thread
   * whose ids derive from the guild's as {@link #CHANNEL}, {@link #THREAD}, {@link #MOD_ROLE} and
   * {@link #MANAGER_ROLE} do from {@link #GUILD}'s.
   */
  static JsonNode guildCreate(String guild) {
    long g = Long.parseLong(guild);
    long everyone =
        Permission.getRaw(
            Permission.VIEW_CHANNEL,
            Permission.MESSAGE_SEND,
            Permission.MESSAGE_SEND_IN_THREADS,
            Permission.MESSAGE_EMBED_LINKS,
            Permission.MESSAGE_ATTACH_FILES,
            Permission.MESSAGE_HISTORY,
            Permission.MESSAGE_ADD_REACTION,
            Permission.USE_APPLICATION_COMMANDS);
    return parse(
        """
        {"id": "%1$s", "name": "Trade desk", "owner_id": "%2$s", "unavailable": false,
         "member_count": 4, "large": false, "preferred_locale": "en-US", "joined_at": "%3$s",
         "afk_timeout": 300, "premium_progress_bar_enabled": false, "features": [],
         "roles": [%4$s, %5$s, %6$s],
         "channels": [{"id": "%7$s", "type": 0, "name": "trade", "position": 0, "guild_id": "%1$s",
                       "permission_overwrites": [], "nsfw": false, "rate_limit_per_user": 0}],
         "threads": [{"id": "%8$s", "type": 11, "name": "talks", "parent_id": "%7$s",
                      "guild_id": "%1$s", "owner_id": "%2$s", "member_count": 2, "message_count": 1,
                      "flags": 0, "rate_limit_per_user": 0,
                      "thread_metadata": {"archived": false, "auto_archive_duration": 1440,
                                          "archive_timestamp": "%3$s", "locked": false}}],
         "members": [%9$s], "voice_states": [], "emojis": [], "stickers": [],
         "guild_scheduled_events": [], "presences": [], "soundboard_sounds": []}"""
            .formatted(
                guild,
                OWNER,
                Instant.now(),
                role(guild, "@everyone", everyone, 0),
                role(String.valueOf(g + 20), "Moderators", 0, 1),
                role(String.valueOf(g + 21), "Managers", Permission.MANAGE_SERVER.getRawValue(), 2),
                channelOf(guild),
                String.valueOf(g + 11),
                write(member(botUser(), List.of(), false))));
  }

  private static String role(String id, String name, long permissions, int position) {
    return """
        {"id": "%s", "name": "%s", "permissions": "%d", "position": %d, "color": 0,
         "colors": {"primary_color": 0}, "hoist": false, "managed": false, "mentionable": false,
         "flags": 0}"""
        .formatted(id, name, permissions, position);
  }

  /** An INTERACTION_CREATE in {@link #GUILD}'s text channel, by a member with {@code roles}. */
  static ObjectNode interaction(
      String id, int type, String userId, List<String> roles, JsonNode data) {
    return interaction(GUILD, id, type, userId, roles, data);
  }

  /** An INTERACTION_CREATE in {@code guild}'s text channel, by a member with {@code roles}. */
  static ObjectNode interaction(
      String guild, String id, int type, String userId, List<String> roles, JsonNode data) {
    ObjectNode d =
        (ObjectNode)
            parse(
                """
        {"id": "%1$s", "application_id": "%2$s", "type": %3$d, "token": "%4$s", "version": 1,
         "guild_id": "%5$s", "channel_id": "%6$s",
         "channel": {"id": "%6$s", "type": 0, "name": "trade", "guild_id": "%5$s", "position": 0,
                     "permission_overwrites": []},
         "guild": {"id": "%5$s", "locale": "en-US", "features": []},
         "locale": "en-US", "guild_locale": "en-US", "app_permissions": "2147483647",
         "entitlements": [], "authorizing_integration_owners": {"0": "%5$s"}, "context": 0}"""
                    .formatted(id, APP, type, token(id), guild, channelOf(guild)));
    String name = "user" + userId.substring(userId.length() - 3);
    d.set("member", member(user(userId, name, false), roles, true));
    d.set("data", data);
    return d;
  }

  /** Slash command data with string or boolean options. */
  static JsonNode command(String name, Map<String, Object> options) {
    ObjectNode data =
        (ObjectNode)
            parse(
                """
        {"id": "1100000000000000099", "name": "%s", "type": 1, "options": []}"""
                    .formatted(name));
    options.forEach(
        (k, v) ->
            data.withArray("options")
                .add(
                    JSON.valueToTree(
                        Map.of("name", k, "type", v instanceof Boolean ? 5 : 3, "value", v))));
    return data;
  }

  /** A MESSAGE_CREATE in {@code channelId}. */
  static JsonNode messageCreate(
      String id, String channelId, JsonNode author, String content, List<JsonNode> mentions) {
    ObjectNode m =
        (ObjectNode)
            parse(
                """
        {"id": "%s", "type": 0, "channel_id": "%s", "guild_id": "%s", "mention_roles": [],
         "mention_everyone": false, "embeds": [], "attachments": [], "components": [],
         "pinned": false, "tts": false, "timestamp": "%s", "edited_timestamp": null, "flags": 0}"""
                    .formatted(id, channelId, GUILD, Instant.now()));
    m.set("author", author);
    m.set("member", member(null, List.of(), false));
    m.put("content", content);
    m.set("mentions", JSON.valueToTree(mentions));
    return m;
  }

  /** The message object Discord returns for a message the bot sent with {@code body}. */
  static JsonNode sentMessage(JsonNode body, String channelId) {
    ObjectNode m =
        (ObjectNode)
            parse(
                """
        {"id": "%s", "type": 0, "channel_id": "%s", "embeds": [], "attachments": [],
         "components": [], "mentions": [], "mention_roles": [], "mention_everyone": false,
         "pinned": false, "tts": false, "timestamp": "%s", "edited_timestamp": null}"""
                    .formatted(snowflake(), channelId, Instant.now()));
    m.set("author", botUser());
    m.put("content", body == null ? "" : body.path("content").asText(""));
    m.put("flags", body == null ? 0 : body.path("flags").asInt(0));
    return m;
  }
}
