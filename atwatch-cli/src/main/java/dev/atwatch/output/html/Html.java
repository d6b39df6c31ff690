package dev.atwatch.output.html;

/** Escaping of text for HTML and SVG: every character that could end text or an attribute. */
final class Html {

    private Html() {}

    /**
     * {@code text} safe inside element content and quoted attributes. Control characters other than
     * tab, newline and carriage return, which logs may carry and XML forbids, become U+FFFD.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default ->
                        out.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
