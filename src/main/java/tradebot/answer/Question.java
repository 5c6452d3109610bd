package tradebot.answer;

import java.util.List;
import java.util.Set;
import tradebot.knowledge.Figure;

/**
 * A question as the answer service reads it. Immutable.
 *
 * @param text the question, normalized (control characters dropped, quotes and dashes folded)
 * @param type what sort of answer it asks for
 * @param wantedFigures for figure questions, the figure kinds that answer it (empty: any)
 * @param recency whether it asks for the newest answer ("latest", "now")
 * @param year the year it names ("in 2025", "May 2018"), or 0
 * @param month the month it names with that year (1-12), or 0
 * @param concepts its topic: what a passage must mention to answer it
 */
record Question(
    String text,
    QuestionType type,
    Set<Figure.Kind> wantedFigures,
    boolean recency,
    int year,
    int month,
    List<Concept> concepts) {

  Question {
    wantedFigures = Set.copyOf(wantedFigures);
    concepts = List.copyOf(concepts);
  }

  /**
   * One concept of the question with the ways it may be written.
   *
   * @param text as the question wrote it
   * @param alternatives the words or phrases that count as a mention (synonyms, aliases)
   * @param analyzed each alternative as index terms
   * @param thesaurusFrom alternatives from this index on are English synonyms (WordNet), looser
   *     than the vocabulary's
   * @param entity whether it names someone or something (a person, place, body) that a passage must
   *     name for the answer to be about it
   * @param fuzzy whether to accept near spellings (the word is unknown to the knowledge base)
   * @param weight how much it counts: rare words count more
   */
  record Concept(
      String text,
      List<String> alternatives,
      List<List<String>> analyzed,
      int thesaurusFrom,
      boolean entity,
      boolean fuzzy,
      double weight) {
    Concept {
      alternatives = List.copyOf(alternatives);
      analyzed = analyzed.stream().map(List::copyOf).toList();
      if (alternatives.isEmpty()) {
        throw new IllegalArgumentException("a concept needs an alternative: " + text);
      }
    }
  }
}
