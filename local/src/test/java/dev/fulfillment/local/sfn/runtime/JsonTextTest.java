package dev.fulfillment.local.sfn.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The engine's reused compact writer gives exactly the text of Jackson's {@code toString()}, which AWS-shaped payloads follow. */
class JsonTextTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Test
  void writesWhatJacksonWritesForEveryKindOfNode() throws Exception {
    ObjectNode node = NODES.objectNode();
    node.put("int", -7).put("long", 1L << 40).put("double", 1.5e300).put("small", 1e-7).put("nan", Double.NaN)
        .put("inf", Double.NEGATIVE_INFINITY).put("float", 0.1f).put("decimal", new BigDecimal("1.50E+3"))
        .put("big", new BigInteger("123456789012345678901234567890")).put("short", (short) 3).put("t", true)
        .put("f", false).putNull("null").put("bytes", new byte[] {1, 2, 3});
    node.putArray("empty");
    node.putObject("nested").putArray("a").add("x").addObject().put("\"q\\", "\u0000\u001f\u007f\u2028é😀\b\f\n\r\t/");
    node.set("parsed", Json.parse("{\"a\":[1,2.50,-0.0,1E400,12345678901234567890],\"b\":\"\\ud800\"}"));
    assertThat(Json.text(node)).isEqualTo(node.toString());
    assertThat(Json.text(null)).isEqualTo("null");
    assertThat(Json.text(NODES.textNode("plain"))).isEqualTo("\"plain\"");
  }

  @Test
  void randomTreesMatchJackson() {
    Random random = new Random(42);
    for (int i = 0; i < 2_000; i++) {
      JsonNode tree = randomNode(random, 0);
      assertThat(Json.text(tree)).isEqualTo(tree.toString());
    }
  }

  private static JsonNode randomNode(Random random, int depth) {
    int kind = random.nextInt(depth > 3 ? 6 : 8);
    return switch (kind) {
      case 0 -> NODES.textNode(randomText(random));
      case 1 -> NODES.numberNode(random.nextInt());
      case 2 -> NODES.numberNode(random.nextLong());
      case 3 -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
      case 4 -> NODES.booleanNode(random.nextBoolean());
      case 5 -> NODES.nullNode();
      case 6 -> {
        ObjectNode object = NODES.objectNode();
        for (int i = random.nextInt(5); i > 0; i--) {
          object.set(randomText(random), randomNode(random, depth + 1));
        }
        yield object;
      }
      default -> {
        ArrayNode array = NODES.arrayNode();
        for (int i = random.nextInt(5); i > 0; i--) {
          array.add(randomNode(random, depth + 1));
        }
        yield array;
      }
    };
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(12); i > 0; i--) {
      text.append(switch (random.nextInt(4)) {
        case 0 -> (char) random.nextInt(0x80);
        case 1 -> (char) random.nextInt(0x20);
        case 2 -> (char) random.nextInt(0x10000);
        default -> (char) ('a' + random.nextInt(26));
      });
    }
    return text.toString();
  }
}
