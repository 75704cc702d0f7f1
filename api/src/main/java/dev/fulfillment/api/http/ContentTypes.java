package dev.fulfillment.api.http;

import java.util.Locale;

/** Which Content-Type values mean "a JSON order". */
final class ContentTypes {

  private ContentTypes() {
  }

  /**
   * {@code application/json} or a structured {@code +json} type (RFC 6839), optionally with
   * parameters; a charset parameter, when present, must be UTF-8, because JSON exchanged between
   * systems is UTF-8 (RFC 8259 section 8.1). Media type names are case-insensitive (RFC 9110 8.3.1).
   */
  static boolean isJson(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return false;
    }
    String[] parts = contentType.split(";");
    String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
    boolean json = mediaType.equals("application/json")
        || (mediaType.startsWith("application/") && mediaType.endsWith("+json") && !mediaType.contains(","));
    if (!json) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String[] parameter = parts[i].trim().split("=", 2);
      if (parameter[0].trim().equalsIgnoreCase("charset")) {
        String charset = parameter.length == 2 ? parameter[1].trim().replace("\"", "") : "";
        if (!charset.equalsIgnoreCase("utf-8")) {
          return false;
        }
      }
    }
    return true;
  }
}
