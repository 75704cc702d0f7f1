package dev.fulfillment.local.sfn.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, tamper-proof pagination tokens. The API Reference says of every {@code nextToken}: make the call again with
 * the token, keep all other arguments unchanged; each token expires after 24 hours; an expired token is
 * {@code HTTP 400 InvalidToken}. So a token carries the position, a fingerprint of the call it belongs to (operation
 * and the arguments that select the list), and when it was issued, signed with a key of this server instance: a token
 * that was altered, belongs to another call or another server run, or is older than 24 hours is InvalidToken.
 *
 * <p>The position is the last item returned (its key) plus its index as a fallback, so items added in front of a
 * newest-first list do not repeat entries on the next page.
 */
final class PageTokens {
  static final Duration LIFETIME = Duration.ofHours(24);
  static final int DEFAULT_PAGE_SIZE = 100;
  private static final int MAC_BYTES = 16;

  private final SecretKeySpec key;
  private final Clock clock;

  PageTokens(Clock clock) {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
    this.clock = clock;
  }

  /** Where the next page starts: after the item with {@code lastKey}, which was at {@code lastIndex}. */
  record Position(String lastKey, int lastIndex) {}

  String issue(String call, Position position) {
    byte[] keyBytes = position.lastKey().getBytes(StandardCharsets.UTF_8);
    ByteBuffer payload = ByteBuffer.allocate(8 + 4 + 4 + keyBytes.length + 32);
    payload.putLong(clock.millis()).putInt(position.lastIndex()).putInt(keyBytes.length).put(keyBytes)
        .put(sha256(call));
    byte[] body = payload.array();
    byte[] token = Arrays.copyOf(body, body.length + MAC_BYTES);
    System.arraycopy(mac(body), 0, token, body.length, MAC_BYTES);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }

  Position read(String call, String token) {
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (raw.length < 8 + 4 + 4 + 32 + MAC_BYTES) {
      throw invalid();
    }
    byte[] body = Arrays.copyOf(raw, raw.length - MAC_BYTES);
    byte[] expectedMac = Arrays.copyOf(mac(body), MAC_BYTES);
    if (!MessageDigest.isEqual(expectedMac, Arrays.copyOfRange(raw, body.length, raw.length))) {
      throw invalid();
    }
    ByteBuffer buffer = ByteBuffer.wrap(body);
    long issued = buffer.getLong();
    int index = buffer.getInt();
    int keyLength = buffer.getInt();
    if (keyLength < 0 || keyLength != body.length - 8 - 4 - 4 - 32) {
      throw invalid();
    }
    byte[] keyBytes = new byte[keyLength];
    buffer.get(keyBytes);
    byte[] callHash = new byte[32];
    buffer.get(callHash);
    if (!MessageDigest.isEqual(callHash, sha256(call))) {
      throw ApiException.sfn("InvalidToken", "Invalid Token: 'The token belongs to a call with other arguments'");
    }
    if (clock.millis() - issued > LIFETIME.toMillis()) {
      throw ApiException.sfn("InvalidToken", "Invalid Token: 'Token has expired'");
    }
    return new Position(new String(keyBytes, StandardCharsets.UTF_8), index);
  }

  /** One page of a list and the token for the next one (null on the last page). */
  record Page<T>(List<T> items, String nextToken) {}

  /**
   * Cuts the page that {@code nextToken} (null: the first) asks for out of the current {@code items}. {@code
   * maxResults} null or 0 means the default page size, 100, as documented for every list operation.
   */
  <T> Page<T> page(String call, List<T> items, Function<T, String> keyOf, Integer maxResults, String nextToken) {
    int size = maxResults == null || maxResults == 0 ? DEFAULT_PAGE_SIZE : maxResults;
    int start = 0;
    if (nextToken != null) {
      Position position = read(call, nextToken);
      start = position.lastIndex() + 1;
      int at = position.lastIndex();
      if (at >= items.size() || !keyOf.apply(items.get(at)).equals(position.lastKey())) {
        for (int i = 0; i < items.size(); i++) {
          if (keyOf.apply(items.get(i)).equals(position.lastKey())) {
            start = i + 1;
            break;
          }
        }
      }
      start = Math.min(start, items.size());
    }
    int end = Math.min(items.size(), start + size);
    List<T> page = List.copyOf(items.subList(start, end));
    String next = end < items.size() ? issue(call, new Position(keyOf.apply(items.get(end - 1)), end - 1)) : null;
    return new Page<>(page, next);
  }

  private static ApiException invalid() {
    return ApiException.sfn("InvalidToken", "Invalid Token: 'Token is not valid'");
  }

  private byte[] mac(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is a required JDK algorithm", e);
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
    }
  }
}
