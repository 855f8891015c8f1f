package io.sigil.server.protocol;

import java.nio.charset.StandardCharsets;

/**
 * A minimal XML writer for the Query protocol's documents: elements, one default namespace, and text content that
 * every XML 1.0 parser reads back exactly, or as close as XML allows. It writes into one {@link StringBuilder};
 * the JDK's StAX writer it replaces cost a third of a signed GetUser's CPU time (sigil-bench LoadGenerator,
 * profiled with JFR), and the documents here need none of its generality.
 *
 * <p>Text escapes {@code & < >}. Characters XML 1.0 forbids (C0 controls other than tab, line feed and carriage
 * return; lone surrogates; U+FFFE and U+FFFF) are replaced by U+FFFD, since no escape can carry them; a carriage
 * return is written as {@code &#13;}, since a parser turns a raw one into a line feed (XML 1.0, section 2.11
 * "End-of-Line Handling"). Element names come from the SDK models and the protocol, never from requests.
 */
final class XmlText {
    private static final char REPLACEMENT = '\uFFFD';

    private final StringBuilder out;

    XmlText(int capacity) {
        out = new StringBuilder(capacity);
    }

    /** {@code <name xmlns="namespace">}. */
    XmlText startWithNamespace(String name, String namespace) {
        out.append('<').append(name).append(" xmlns=\"");
        text(namespace);
        out.append("\">");
        return this;
    }

    XmlText start(String name) {
        out.append('<').append(name).append('>');
        return this;
    }

    XmlText end(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    /** {@code <name/>}. */
    XmlText empty(String name) {
        out.append('<').append(name).append("/>");
        return this;
    }

    /** {@code <name>text</name>}. */
    XmlText element(String name, String text) {
        start(name);
        text(text);
        return end(name);
    }

    /** Escaped text content (also used inside the namespace attribute, whose values never hold a quote). */
    XmlText text(String text) {
        int n = text.length();
        int plain = 0;
        while (plain < n && isPlain(text.charAt(plain))) {
            plain++;
        }
        out.append(text, 0, plain); // most text needs no escape: appended at once
        for (int i = plain; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else {
                        out.append(isAllowed(c) ? c : REPLACEMENT);
                    }
                }
            }
        }
        return this;
    }

    /** A character written as it is: allowed, not escaped, not a surrogate. */
    private static boolean isPlain(char c) {
        return c >= 0x20 ? c != '&' && c != '<' && c != '>' && c < 0xD800 : c == '\t' || c == '\n';
    }

    byte[] utf8() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** XML 1.0 {@code Char}, for a UTF-16 unit that is not part of a valid surrogate pair. */
    static boolean isAllowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
