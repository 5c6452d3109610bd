package tradebot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of hostile knowledge file in one directory at once, beside good ones: each bad file
 * gets its own error naming the file and what is wrong, and every good file still loads. (One kind
 * per test, with the exact line numbers, is in {@link KnowledgeLoaderTest}.)
 */
class HostileKnowledgeFilesTest {
  private static final String HEAD = "---\ntitle: T\noutlet: Wire\npublished: 2019-05-10\n---\n";
  private static final String BODY = "China and the US held talks. Tariffs rose to 25 percent.\n";

  @TempDir Path root;
  private final KnowledgeLoader loader = new KnowledgeLoader(Ingesters.keepingEveryLine());

  @Test
  void everyBadFileGetsItsOwnErrorAndEveryGoodFileStillLoads() throws IOException {
    Path dir = Files.createDirectory(root.resolve("knowledge"));
    Path outside = Files.createDirectory(root.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), HEAD + "A secret outside.\n");
    // Good files, including the awkward but valid: CRLF line ends, a BOM, a sub-directory.
    Files.writeString(dir.resolve("good-1.txt"), HEAD + BODY);
    Files.writeString(dir.resolve("good-crlf.md"), (HEAD + BODY).replace("\n", "\r\n"));
    Files.writeString(dir.resolve("good-bom.txt"), "\uFEFF" + HEAD + BODY);
    Files.createDirectory(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/good-deep.txt"), HEAD + BODY);
    // Bad files.
    Files.writeString(dir.resolve("no-front-matter.txt"), BODY);
    Files.writeString(dir.resolve("bad-date.txt"), HEAD.replace("2019-05-10", "May 10th") + BODY);
    Files.write(dir.resolve("binary.txt"), new byte[] {'-', '-', '-', '\n', 0, 1, 2, (byte) 0xff});
    Files.writeString(dir.resolve("empty-body.txt"), HEAD + "\n \n");
    Files.writeString(dir.resolve("empty-file.txt"), "");
    Files.writeString(
        dir.resolve("z-duplicate.txt"),
        HEAD.replaceFirst("\n---\n$", "\nid: good-1\n---\n") + BODY);
    byte[] invalid = (HEAD + "Caf\u00e9 ").getBytes(StandardCharsets.UTF_8);
    invalid = Arrays.copyOf(invalid, invalid.length + 2);
    invalid[invalid.length - 2] = (byte) 0xed; // an encoded surrogate: not UTF-8
    invalid[invalid.length - 1] = (byte) 0xa0;
    Files.write(dir.resolve("invalid-utf8.txt"), invalid);
    Path big = dir.resolve("fifty-megabytes.txt");
    writeFiftyMegabytesOfText(big);
    Files.createSymbolicLink(dir.resolve("link-out.txt"), outside.resolve("secret.txt"));
    Files.createSymbolicLink(dir.resolve("relative-out.txt"), Path.of("../outside/secret.txt"));
    Files.createSymbolicLink(dir.resolve("chain.txt"), dir.resolve("link-out.txt"));
    Files.createSymbolicLink(dir.resolve("linked-dir"), outside);
    Files.createSymbolicLink(dir.resolve("broken.txt"), dir.resolve("missing.txt"));

    LoadResult result = loader.load(dir);

    assertEquals(
        List.of("good-1", "good-bom", "good-crlf", "good-deep"),
        result.documents().stream().map(d -> d.source().id()).sorted().toList());
    Map<String, String> errors = new TreeMap<>();
    result.errors().forEach(e -> errors.put(dir.relativize(e.file()).toString(), e.message()));
    String out = "links outside the knowledge directory (to " + outside.toRealPath();
    assertEquals(
        new TreeMap<>(
            Map.ofEntries(
                Map.entry(
                    "no-front-matter.txt",
                    "no front matter: the file must start with a '---' line"),
                Map.entry(
                    "bad-date.txt", "published must be an ISO date like 2025-04-11: May 10th"),
                Map.entry("binary.txt", "binary file: NUL byte at offset 4"),
                Map.entry("empty-body.txt", "no article text after the front matter"),
                Map.entry(
                    "empty-file.txt", "no front matter: the file must start with a '---' line"),
                Map.entry(
                    "z-duplicate.txt",
                    "duplicate id 'good-1': already used by " + dir.resolve("good-1.txt")),
                Map.entry(
                    "invalid-utf8.txt", "not valid UTF-8 at byte offset " + (invalid.length - 2)),
                Map.entry(
                    "fifty-megabytes.txt",
                    "file is "
                        + Files.size(big)
                        + " bytes; the limit is "
                        + KnowledgeLoader.MAX_FILE_BYTES
                        + " bytes"),
                Map.entry("link-out.txt", out + "/secret.txt): not read"),
                Map.entry("relative-out.txt", out + "/secret.txt): not read"),
                Map.entry("chain.txt", out + "/secret.txt): not read"),
                Map.entry("linked-dir", out + "): not read"),
                Map.entry(
                    "broken.txt",
                    "no longer there (deleted while loading, or a broken link): not read"))),
        errors);
  }

  /** Fifty megabytes of real article text (not a sparse file), written in large blocks. */
  private static void writeFiftyMegabytesOfText(Path file) throws IOException {
    byte[] block = (HEAD + BODY.repeat(20_000)).getBytes(StandardCharsets.UTF_8);
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      long written = 0;
      while (written < 50L * 1024 * 1024) {
        written += ch.write(ByteBuffer.wrap(block));
      }
    }
  }
}
