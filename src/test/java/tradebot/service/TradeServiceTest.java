package tradebot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tradebot.answer.Answer;
import tradebot.cli.App;
import tradebot.config.TradebotConfig;
import tradebot.corpus.ReloadReport;

/** What every front door renders: each operation's typed result, read from one knowledge base. */
class TradeServiceTest {
  static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
  static App app;
  static TradeService service;
  static final AtomicInteger reloads = new AtomicInteger();
  static final List<Answer> told = new ArrayList<>();

  @BeforeAll
  static void start() {
    app =
        App.inMemory(TradebotConfig.defaults(Path.of("config")), Clock.fixed(NOW, ZoneOffset.UTC));
    app.corpora().onReload(r -> reloads.incrementAndGet());
    service =
        new TradeService(
            app.answers(),
            app.corpora(),
            Clock.fixed(NOW, ZoneOffset.UTC),
            a -> {
              synchronized (told) {
                told.add(a);
              }
            },
            tradebot.feedback.FeedbackStore.temporary(
                Clock.fixed(NOW, ZoneOffset.UTC), tradebot.config.TradebotConfig.Privacy.DEFAULTS));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void anAnswerNamesTheKnowledgeBaseItCameFromAndIsToldToTheListener() {
    TradeService.Asked asked = service.ask("Who led the US delegation?");
    assertInstanceOf(Answer.Answered.class, asked.answer());
    assertEquals(service.knowledgeBase(), asked.base());
    assertEquals(app.startup().version(), asked.base().version());
    assertEquals(4, asked.base().articles());
    synchronized (told) {
      assertTrue(told.contains(asked.answer()));
    }
  }

  @Test
  void aDirectionTheTimelineDoesNotKnowIsAnUnknownDirectionThatNamesIt() {
    TradeService.Tariffs t = service.tariffs("us-mars");
    TradeService.Tariffs.UnknownDirection u =
        assertInstanceOf(TradeService.Tariffs.UnknownDirection.class, t);
    assertEquals("us-mars", u.spec());
    assertTrue(u.message().contains("mars"), u.message());
  }

  @Test
  void tariffLevelsAreReadAtOneFixedInstantAndTheirJsonIsTheTimelinesAtThatInstant() {
    TradeService.Tariffs.Levels both =
        assertInstanceOf(TradeService.Tariffs.Levels.class, service.tariffs(""));
    assertEquals(NOW, both.at().instant());
    assertEquals(2, both.standings().size());
    assertEquals(both.timeline().json(both.at(), null), both.json());
    TradeService.Tariffs.Levels one =
        assertInstanceOf(TradeService.Tariffs.Levels.class, service.tariffs(" us-china "));
    assertEquals(1, one.standings().size());
    assertEquals(one.only(), one.standings().getFirst().direction());
  }

  @Test
  void theListingHoldsEveryArticleWithTheCorpusCounts() {
    TradeService.Listing listing = service.sources();
    ReloadReport startup = app.startup();
    assertEquals(startup.articles(), listing.articles().size());
    assertEquals(startup.passages(), listing.passages());
    assertEquals(startup.figures(), listing.figures());
    assertEquals(List.of(), listing.skipped());
    assertEquals(startup.version(), listing.base().version());
  }

  @Test
  void aReloadBySomeoneNoModeratorIsDeniedAndReloadsNothing() throws InterruptedException {
    int before = reloads.get();
    TradeService.Reloaded r =
        service.reload(new TradeService.Requester("U1", "test", false), Duration.ofSeconds(5));
    assertInstanceOf(TradeService.Reloaded.Denied.class, r);
    assertEquals(before, reloads.get());
  }

  @Test
  void aModeratorsReloadFinishesWithItsReportAndTheKnowledgeBaseServingAfterIt()
      throws InterruptedException {
    TradeService.Reloaded r =
        service.reload(new TradeService.Requester("M1", "test", true), Duration.ofMinutes(2));
    TradeService.Reloaded.Finished f = assertInstanceOf(TradeService.Reloaded.Finished.class, r);
    assertEquals(ReloadReport.Outcome.UNCHANGED, f.report().outcome());
    assertEquals(service.knowledgeBase(), f.base());
    assertFalse(f.base().version().isEmpty());
  }
}
