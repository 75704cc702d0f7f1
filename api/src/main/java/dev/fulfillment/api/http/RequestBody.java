package dev.fulfillment.api.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The bytes of a request body, decoded and size-checked before anything parses them. */
sealed interface RequestBody {

  record Bytes(byte[] value) implements RequestBody {
  }

  record TooLarge(int limit) implements RequestBody {
  }

  record NotBase64() implements RequestBody {
  }

  /**
   * HTTP API passes a body as text, or base64-encoded with {@code isBase64Encoded} set (it encodes
   * bodies it does not treat as text). The size limit applies to the decoded bytes; an encoded body
   * is rejected by its length before decoding when it cannot fit.
   */
  static RequestBody of(String body, boolean base64Encoded, int maxBytes) {
    if (body == null) {
      return new Bytes(new byte[0]);
    }
    if (base64Encoded) {
      // 4 characters of base64 carry 3 bytes; anything longer than this cannot decode to <= maxBytes.
      long maxEncodedLength = ((long) maxBytes + 2) / 3 * 4;
      if (body.length() > maxEncodedLength + 4) {
        return new TooLarge(maxBytes);
      }
      byte[] decoded;
      try {
        decoded = Base64.getDecoder().decode(body.strip());
      } catch (IllegalArgumentException e) {
        return new NotBase64();
      }
      return decoded.length > maxBytes ? new TooLarge(maxBytes) : new Bytes(decoded);
    }
    // Every char is at least one UTF-8 byte, so a long string is too large without encoding it.
    if (body.length() > maxBytes) {
      return new TooLarge(maxBytes);
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return bytes.length > maxBytes ? new TooLarge(maxBytes) : new Bytes(bytes);
  }
}
