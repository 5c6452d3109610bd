package tradebot.arch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of STYLE.md, held by the build: dependencies point one way. */
class ArchitectureTest {
  static JavaClasses classes;

  @BeforeAll
  static void importMain() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("tradebot");
  }

  @Test
  void onlyTheIndexPackageImportsLucene() {
    noClasses()
        .that()
        .resideOutsideOfPackage("tradebot.index..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.apache.lucene..")
        .check(classes);
  }

  @Test
  void onlyTheFeedbackStoreImportsSqliteFlywayOrJdbc() {
    noClasses()
        .that()
        .resideOutsideOfPackage("tradebot.feedback..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.sqlite..", "org.flywaydb..", "java.sql..")
        .check(classes);
  }

  @Test
  void onlyTheStatePackageImportsTheRedisClient() {
    noClasses()
        .that()
        .resideOutsideOfPackage("tradebot.state..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.lettuce..", "io.github.bucket4j.redis..", "io.netty..")
        .check(classes);
  }

  @Test
  void onlyTheKnowledgePackageImportsJsoup() {
    noClasses()
        .that()
        .resideOutsideOfPackage("tradebot.knowledge..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.jsoup..")
        .check(classes);
  }

  @Test
  void onlyTheDiscordAdapterImportsJda() {
    noClasses()
        .that()
        .resideOutsideOfPackage("tradebot.chat.discord..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("net.dv8tion..")
        .check(classes);
  }

  @Test
  void theSharedChatPackageKnowsNoPlatform() {
    noClasses()
        .that()
        .resideInAPackage("tradebot.chat")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "net.dv8tion..", "com.slack..", "tradebot.chat.discord..", "tradebot.chat.slack..")
        .check(classes);
  }

  @Test
  void onlyTheSlackAdapterImportsTheSlackSdk() {
    noClasses()
        .that()
        .resideOutsideOfPackage("tradebot.chat.slack..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.slack..")
        .check(classes);
  }

  @Test
  void onlyTheAnswerPackageReadsWordNet() {
    noClasses()
        .that()
        .resideOutsideOfPackage("tradebot.answer..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("net.sf.extjwnl..")
        .check(classes);
  }

  @Test
  void theCoreNeverDependsOnAdaptersServerOrCommandLine() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "tradebot.knowledge..",
            "tradebot.index..",
            "tradebot.facts..",
            "tradebot.corpus..",
            "tradebot.answer..",
            "tradebot.config..",
            "tradebot.service..",
            "tradebot.state..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("tradebot.chat..", "tradebot.server..", "tradebot.cli..")
        .check(classes);
  }

  @Test
  void chatHttpAndCommandsReachTheAnswerServiceAndCorpusOnlyThroughTheApplicationService() {
    noClasses()
        .that()
        .resideInAnyPackage("tradebot.chat..", "tradebot.server..", "tradebot.cli..")
        .and()
        .doNotHaveFullyQualifiedName("tradebot.cli.App")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("tradebot.answer.AnswerService")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("tradebot.corpus.CorpusManager")
        .because("App wires the service; every front door renders what TradeService returns")
        .check(classes);
  }

  @Test
  void knowledgeDependsOnNoProductPackageButConfigAndText() {
    noClasses()
        .that()
        .resideInAPackage("tradebot.knowledge..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("tradebot..")
                .and(
                    resideOutsideOfPackages(
                        "tradebot.knowledge..", "tradebot.config..", "tradebot.text..")))
        .check(classes);
  }

  @Test
  void theIndexDependsOnNoneOfAnswerCorpusOrFacts() {
    noClasses()
        .that()
        .resideInAPackage("tradebot.index..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("tradebot.answer..", "tradebot.corpus..", "tradebot.facts..")
        .check(classes);
  }

  @Test
  void theTopLevelPackagesDependOnEachOtherWithoutCycles() {
    slices().matching("tradebot.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void nothingInTheProductDependsOnTheMeasurementCode() {
    noClasses()
        .that()
        .resideOutsideOfPackage("tradebot.bench..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("tradebot.bench..")
        .check(classes);
  }

  @Test
  void theTextToolsDependOnNoOtherPackageOfTheProduct() {
    noClasses()
        .that()
        .resideInAPackage("tradebot.text..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("tradebot.text..", "java..")
        .check(classes);
  }

  @Test
  void theSpeedOnlyPreFiltersDependOnNothingOfTheProductButTheirOwnPackage() {
    noClasses()
        .that()
        .resideInAPackage("tradebot.knowledge.internal..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("tradebot.knowledge.internal..", "java..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("tradebot.facts.internal..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("tradebot.facts.internal..", "java..")
        .check(classes);
  }

  @Test
  void aPreFilterIsUsedOnlyByThePackageOfTheRuleItServes() {
    noClasses()
        .that()
        .resideOutsideOfPackage("tradebot.knowledge..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("tradebot.knowledge.internal..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackage("tradebot.facts..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("tradebot.facts.internal..")
        .check(classes);
  }
}
