package dev.fulfillment.local.sfn.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PageTokensTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final PageTokens tokens = new PageTokens(clock);
  private final List<String> items = List.of("a", "b", "c", "d", "e");

  @Test
  void walksAListPageByPage() {
    PageTokens.Page<String> first = tokens.page("call", items, Function.identity(), 2, null);
    PageTokens.Page<String> second = tokens.page("call", items, Function.identity(), 2, first.nextToken());
    PageTokens.Page<String> last = tokens.page("call", items, Function.identity(), 2, second.nextToken());

    assertThat(first.items()).containsExactly("a", "b");
    assertThat(second.items()).containsExactly("c", "d");
    assertThat(last.items()).containsExactly("e");
    assertThat(last.nextToken()).isNull();
  }

  @Test
  void maxResultsZeroMeansPagesOfOneHundred() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      many.add("item-" + i);
    }

    assertThat(tokens.page("call", many, Function.identity(), 0, null).items()).hasSize(100);
    assertThat(tokens.page("call", many, Function.identity(), null, null).items()).hasSize(100);
  }

  @Test
  void itemsAddedInFrontOfTheListDoNotRepeatOnTheNextPage() {
    String token = tokens.page("call", items, Function.identity(), 2, null).nextToken();
    List<String> grown = List.of("new", "a", "b", "c", "d", "e");

    assertThat(tokens.page("call", grown, Function.identity(), 2, token).items()).containsExactly("c", "d");
  }

  @Test
  void aTokenIsOnlyGoodForTheCallItWasIssuedFor() {
    String token = tokens.page("history|exec-1", items, Function.identity(), 2, null).nextToken();

    assertThatThrownBy(() -> tokens.page("history|exec-2", items, Function.identity(), 2, token))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("InvalidToken"));
  }

  @Test
  void anAlteredTokenIsInvalid() {
    String token = tokens.page("call", items, Function.identity(), 2, null).nextToken();
    byte[] raw = Base64.getUrlDecoder().decode(token);
    raw[12] ^= 1;
    String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

    assertThatThrownBy(() -> tokens.page("call", items, Function.identity(), 2, altered))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("InvalidToken"));
  }

  @Test
  void aTokenFromAnotherServerRunIsInvalid() {
    String token = new PageTokens(clock).page("call", items, Function.identity(), 2, null).nextToken();

    assertThatThrownBy(() -> tokens.page("call", items, Function.identity(), 2, token))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("InvalidToken"));
  }

  @Test
  void aTokenExpiresAfterTwentyFourHours() {
    String token = tokens.page("call", items, Function.identity(), 2, null).nextToken();

    clock.advance(Duration.ofHours(24));
    assertThat(tokens.page("call", items, Function.identity(), 2, token).items()).containsExactly("c", "d");
    clock.advance(Duration.ofSeconds(1));
    assertThatThrownBy(() -> tokens.page("call", items, Function.identity(), 2, token))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo("InvalidToken");
          assertThat(e.getMessage()).contains("expired");
        });
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
