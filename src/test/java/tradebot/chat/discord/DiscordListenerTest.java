package tradebot.chat.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DiscordListenerTest {
  @Test
  void mentionIsTakenOutOfTheQuestion() {
    assertEquals(
        "who led the talks? <@42>",
        DiscordListener.withoutMention("<@7> who led\n the talks? <@42> <@!7>", "7"));
  }

  @Test
  void aMentionAloneLeavesNoQuestion() {
    assertEquals("", DiscordListener.withoutMention("<@!7>", "7"));
  }
}
