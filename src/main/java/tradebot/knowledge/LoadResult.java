package tradebot.knowledge;

import java.util.List;

/**
 * What loading a knowledge directory gave: the documents that loaded and the files that did not.
 *
 * @param documents ingested articles, sorted by id; empty when they were streamed to a sink
 * @param errors one per skipped file
 * @param warnings notes that did not stop a file loading (e.g. an empty directory)
 * @param version a short hash of every article file's path and content as read (what {@link
 *     KnowledgeLoader#fingerprint} gives when nothing changed meanwhile): changes when any file is
 *     added, removed, renamed or edited
 */
public record LoadResult(
    List<Document> documents, List<LoadError> errors, List<String> warnings, String version) {
  public LoadResult {
    documents = List.copyOf(documents);
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }
}
