package dev.fulfillment.api.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulfillment.api.validation.CardNumbers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The hostile corpus: every case under {@code hostile/handwritten/} (one case per file) and
 * {@code hostile/generated/} (one category per file, {@code {"cases": [...]}}, written by
 * {@link HostileCorpusGenerator}), and the secrets it holds.
 */
public final class HostileCorpus {

  /** Lenient on purpose: secrets are looked for in bodies the api rightly refuses to parse. */
  private static final ObjectMapper LENIENT = new ObjectMapper();
  private static final Pattern TOKEN = Pattern.compile("tok_[A-Za-z0-9_]{2,}");
  /** Bounded parts: unbounded ones take quadratic time on a 300 KiB run of letters. */
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63})+");
  private static final Pattern PHONE = Pattern.compile("\\+\\d[\\d ().-]{6,}\\d");
  /** Shorter personal values ("DE", "Berlin") are words any text may hold; they prove nothing. */
  private static final int MIN_PERSONAL_LENGTH = 6;
  private static final Set<String> PERSONAL_KEYS = Set.of("email", "phone", "name", "line1", "line2", "city",
      "region", "postalCode");

  private static List<HostileCase> all;
  private static Set<String> secrets;

  private HostileCorpus() {
  }

  public static synchronized List<HostileCase> all() {
    if (all == null) {
      List<HostileCase> cases = new ArrayList<>();
      Path root = root();
      for (Path file : list(root.resolve("handwritten"))) {
        cases.add(new HostileCase("handwritten/" + file.getFileName(), read(file)));
      }
      for (Path file : list(root.resolve("generated"))) {
        JsonNode cases1 = read(file).get("cases");
        for (int i = 0; i < cases1.size(); i++) {
          cases.add(new HostileCase("generated/" + file.getFileName() + "#" + i, cases1.get(i)));
        }
      }
      all = List.copyOf(cases);
    }
    return all;
  }

  public static List<HostileCase> bodyLevel() {
    return all().stream().filter(HostileCase::isBodyLevel).toList();
  }

  /**
   * Every payment token, card-like number, e-mail, phone number and personal value (address, name)
   * found in any case's headers or body, as sent and as decoded from JSON escapes.
   */
  public static synchronized Set<String> secrets() {
    if (secrets == null) {
      Set<String> found = new TreeSet<>();
      for (HostileCase hostile : all()) {
        found.addAll(secretsOf(hostile));
      }
      secrets = Collections.unmodifiableSet(found);
    }
    return secrets;
  }

  /** The secrets of one case. */
  public static Set<String> secretsOf(HostileCase hostile) {
    Set<String> found = new TreeSet<>(hostile.mustNotEcho());
    List<String> texts = new ArrayList<>(hostile.headers().values());
    byte[] body = hostile.bodyBytes();
    if (body != null) {
      String text = new String(body, StandardCharsets.UTF_8);
      texts.add(text);
      try {
        collectStrings(LENIENT.readTree(text), null, texts, found);
      } catch (IOException | RuntimeException notJson) {
        // Malformed on purpose: the patterns over the raw text below still apply.
      }
    }
    for (String text : texts) {
      addMatches(TOKEN, text, found);
      addMatches(EMAIL, text, found);
      addMatches(PHONE, text, found);
      for (String run : digitRuns(text)) {
        if (CardNumbers.containsCardNumber(run)) {
          found.add(run);
          found.add(run.replace(" ", "").replace("-", ""));
        }
      }
    }
    return found;
  }

  /** Runs of ASCII digits, each pair optionally split by one space or dash (scanned: a regex overflows). */
  static List<String> digitRuns(String text) {
    List<String> runs = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      if (!isDigit(text, i)) {
        i++;
        continue;
      }
      int end = i + 1;
      while (isDigit(text, end) || (end + 1 < text.length() && " -".indexOf(text.charAt(end)) >= 0 && isDigit(text, end + 1))) {
        end += isDigit(text, end) ? 1 : 2;
      }
      runs.add(text.substring(i, end));
      i = end;
    }
    return runs;
  }

  private static boolean isDigit(String text, int at) {
    return at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9';
  }

  private static void collectStrings(JsonNode node, String key, List<String> texts, Set<String> found) {
    if (node == null) {
      return;
    }
    if (node.isValueNode()) {
      String text = node.asText();
      texts.add(text);
      if (key != null && PERSONAL_KEYS.contains(key) && text.strip().length() >= MIN_PERSONAL_LENGTH) {
        found.add(text);
      }
      return;
    }
    if (node.isArray()) {
      node.forEach(element -> collectStrings(element, null, texts, found));
      return;
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      texts.add(field.getKey());
      collectStrings(field.getValue(), field.getKey(), texts, found);
    }
  }

  private static void addMatches(Pattern pattern, String text, Set<String> found) {
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
  }

  private static Path root() {
    try {
      return Path.of(HostileCorpus.class.getResource("/hostile").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> list(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(Path file) {
    try {
      return LENIENT.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
