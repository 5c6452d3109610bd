package tradebot.chat.discord;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;

/**
 * Who may run moderator commands: members with Manage Server, or with one of the configured
 * moderator roles. Outside a guild nobody is. Thread-safe (immutable).
 */
final class Moderators {
  private final Set<Long> roleIds;

  /**
   * @param roleIds role ids from {@code discord.moderator_role_ids}
   * @throws IllegalArgumentException naming an id that is not a snowflake
   */
  Moderators(List<String> roleIds) {
    this.roleIds =
        roleIds.stream().map(Moderators::snowflake).collect(Collectors.toUnmodifiableSet());
  }

  /** Whether {@code member} (null outside a guild) may moderate, asked in {@code channel}. */
  boolean isModerator(Member member, GuildChannel channel) {
    if (member == null) {
      return false;
    }
    // With a channel this also works for guilds the bot does not cache (user-installed apps):
    // Discord sends the member's permissions with the interaction.
    boolean manager =
        channel == null
            ? member.hasPermission(Permission.MANAGE_SERVER)
            : member.hasPermission(channel, Permission.MANAGE_SERVER);
    if (manager) {
      return true;
    }
    if (roleIds.isEmpty() || member.isDetached()) {
      return false;
    }
    for (Role role : member.getRoles()) {
      if (roleIds.contains(role.getIdLong())) {
        return true;
      }
    }
    return false;
  }

  static long snowflake(String id) {
    try {
      long v = Long.parseUnsignedLong(id.strip());
      if (v == 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("discord: not a Discord id (snowflake): " + id, e);
    }
  }
}
