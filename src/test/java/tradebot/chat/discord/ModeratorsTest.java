package tradebot.chat.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import org.junit.jupiter.api.Test;

class ModeratorsTest {
  private final GuildChannel channel = mock(GuildChannel.class);
  private final Moderators moderators = new Moderators(List.of("111", "222"));

  private static Role role(long id) {
    Role r = mock(Role.class);
    when(r.getIdLong()).thenReturn(id);
    return r;
  }

  @Test
  void manageServerMakesAModerator() {
    Member m = mock(Member.class);
    when(m.hasPermission(channel, Permission.MANAGE_SERVER)).thenReturn(true);
    assertTrue(moderators.isModerator(m, channel));
  }

  @Test
  void aModeratorRoleMakesAModerator() {
    List<Role> roles = List.of(role(999), role(222));
    Member m = mock(Member.class);
    when(m.getRoles()).thenReturn(roles);
    assertTrue(moderators.isModerator(m, channel));
  }

  @Test
  void otherRolesDoNot() {
    List<Role> roles = List.of(role(999));
    Member m = mock(Member.class);
    when(m.getRoles()).thenReturn(roles);
    assertFalse(moderators.isModerator(m, channel));
  }

  @Test
  void nobodyOutsideAGuildIs() {
    assertFalse(moderators.isModerator(null, null));
  }

  @Test
  void rolesOfAnUncachedGuildAreNotAsked() {
    Member m = mock(Member.class);
    when(m.isDetached()).thenReturn(true);
    assertFalse(moderators.isModerator(m, channel));
    verify(m, never()).getRoles();
  }

  @Test
  void badRoleIdsAreRejectedWithTheValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Moderators(List.of("mods")));
    assertEquals("discord: not a Discord id (snowflake): mods", e.getMessage());
  }
}
