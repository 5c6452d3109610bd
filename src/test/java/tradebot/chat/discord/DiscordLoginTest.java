package tradebot.chat.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import org.junit.jupiter.api.Test;
import tradebot.chat.ChatReply;
import tradebot.config.TradebotConfig;
import tradebot.state.LocalState;
import tradebot.testing.Ports;

class DiscordLoginTest {

  @Test
  void aRefusedConnectionIsANetworkFailureNotABadToken() throws Exception {
    int closed = Ports.closed();
    String rest = "http://127.0.0.1:" + closed + "/api/v10/";
    TradebotConfig.Discord config =
        new TradebotConfig.Discord(
            List.of(),
            List.of(),
            TradebotConfig.Discord.DEFAULTS.userRate(),
            TradebotConfig.Discord.DEFAULTS.channelRate(),
            rest,
            "");

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                DiscordBot.start(
                    "fake.token.value",
                    config,
                    r -> ChatReply.text(ChatReply.Status.INFO, "unused", false),
                    Clock.systemUTC(),
                    new LocalState(Clock.systemUTC()),
                    Duration.ofSeconds(10),
                    () -> {}));

    assertTrue(
        e.getMessage().startsWith("cannot reach Discord at " + rest + ": ConnectException: "),
        e.getMessage());
    assertTrue(
        e.getMessage()
            .endsWith(
                "(a network failure: the token was not checked; check"
                    + " the connection, a proxy, or discord.rest_base_url)"),
        e.getMessage());
  }

  @Test
  void anUnknownHostIsSaidSoAndARejectedTokenIsSaidSo() {
    RuntimeException dns =
        DiscordBot.loginFailure(
            new IllegalStateException("-1", new UnknownHostException("discord.com")),
            "https://discord.com/api/v10/");
    assertTrue(
        dns.getMessage()
            .startsWith(
                "cannot reach Discord at https://discord.com/api/v10/: cannot resolve discord.com"),
        dns.getMessage());

    RuntimeException token =
        DiscordBot.loginFailure(new InvalidTokenException(), "https://discord.com/api/v10/");
    assertInstanceOf(IllegalArgumentException.class, token);
    assertEquals(
        "Discord rejected the token in DISCORD_TOKEN (https://discord.com/api/v10/ answered 401)",
        token.getMessage());
  }
}
