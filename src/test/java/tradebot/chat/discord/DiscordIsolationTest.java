package tradebot.chat.discord;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class DiscordIsolationTest {
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("tradebot");

  @Test
  void onlyTheDiscordAdapterUsesJda() {
    noClasses()
        .that()
        .resideOutsideOfPackage("tradebot.chat.discord..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("net.dv8tion..")
        .check(classes);
  }

  @Test
  void theRateLimiterKnowsNoPlatform() {
    noClasses()
        .that()
        .haveFullyQualifiedName("tradebot.chat.RateLimiter")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "net.dv8tion..", "com.slack..", "tradebot.chat.discord..", "tradebot.chat.slack..")
        .check(classes);
  }
}
