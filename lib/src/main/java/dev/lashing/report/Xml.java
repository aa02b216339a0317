package dev.lashing.report;

/** Escapes text for XML 1.0 documents. */
final class Xml {
  static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

  private Xml() {}

  /** An attribute value for double quotes; line breaks and tabs as references, which parsers keep. */
  static String attribute(String text) {
    return escape(text, true);
  }

  /** Element content. */
  static String text(String text) {
    return escape(text, false);
  }

  /**
   * Characters XML 1.0 cannot hold even as references (most C0 controls, U+FFFE, U+FFFF, lone
   * surrogates) become U+FFFD, so a hostile file name or value cannot make the report unreadable.
   */
  private static String escape(String text, boolean attribute) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\r' -> out.append("&#13;"); // a parser would turn a literal CR into LF
        case '\n' -> out.append(attribute ? "&#10;" : "\n");
        case '\t' -> out.append(attribute ? "&#9;" : "\t");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (c < 0x20 || c == 0xFFFE || c == 0xFFFF || Character.isSurrogate(c)) {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
