package io.sigil.server.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal XML writer for the Query protocol's documents: elements, one default namespace, and text content that
 * every XML 1.0 parser reads back exactly, or as close as XML allows. It encodes UTF-8 straight into one growing
 * byte array; the JDK's StAX writer it replaces cost a third of a signed GetUser's CPU time (sigil-bench
 * LoadGenerator, profiled with JFR), and the documents here need none of its generality. (Written into a
 * StringBuilder, the document was copied twice more to become bytes, 7% of a signed GetUser's allocation in
 * DispatchBenchmark's profile.)
 *
 * <p>Text escapes {@code & < >}. Characters XML 1.0 forbids (C0 controls other than tab, line feed and carriage
 * return; lone surrogates; U+FFFE and U+FFFF) are replaced by U+FFFD, since no escape can carry them; a carriage
 * return is written as {@code &#13;}, since a parser turns a raw one into a line feed (XML 1.0, section 2.11
 * "End-of-Line Handling"). Element names come from the SDK models and the protocol, never from requests.
 */
final class XmlText {
    private static final char REPLACEMENT = '\uFFFD';

    private byte[] buf;
    private int length;

    XmlText(int capacity) {
        buf = new byte[capacity];
    }

    /** {@code <name xmlns="namespace">}. */
    XmlText startWithNamespace(String name, String namespace) {
        markup('<').markup(name).markup(" xmlns=\"");
        text(namespace);
        return markup("\">");
    }

    XmlText start(String name) {
        return markup('<').markup(name).markup('>');
    }

    XmlText end(String name) {
        return markup("</").markup(name).markup('>');
    }

    /** {@code <name/>}. */
    XmlText empty(String name) {
        return markup('<').markup(name).markup("/>");
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
        room(n);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80 && c >= 0x20 && c != '&' && c != '<' && c != '>') {
                buf[length++] = (byte) c; // most text: plain ASCII
                continue;
            }
            switch (c) {
                case '&' -> markup("&amp;");
                case '<' -> markup("&lt;");
                case '>' -> markup("&gt;");
                case '\r' -> markup("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                        codePoint(Character.toCodePoint(c, text.charAt(++i)));
                    } else {
                        codePoint(isAllowed(c) ? c : REPLACEMENT);
                    }
                }
            }
            room(n - i - 1); // the plain path above writes without looking: one byte per character left
        }
        return this;
    }

    /** Markup: element names from the SDK models and the protocol, written as they are (UTF-8). */
    private XmlText markup(String s) {
        int n = s.length();
        room(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                byte[] rest = s.substring(i).getBytes(StandardCharsets.UTF_8);
                room(rest.length);
                System.arraycopy(rest, 0, buf, length, rest.length);
                length += rest.length;
                return this;
            }
            buf[length++] = (byte) c;
        }
        return this;
    }

    private XmlText markup(char ascii) {
        room(1);
        buf[length++] = (byte) ascii;
        return this;
    }

    /** One Unicode code point as UTF-8 (RFC 3629, section 3); never a surrogate here. */
    private void codePoint(int cp) {
        room(4);
        if (cp < 0x80) {
            buf[length++] = (byte) cp;
        } else if (cp < 0x800) {
            buf[length++] = (byte) (0xC0 | cp >> 6);
            buf[length++] = (byte) (0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            buf[length++] = (byte) (0xE0 | cp >> 12);
            buf[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
            buf[length++] = (byte) (0x80 | cp & 0x3F);
        } else {
            buf[length++] = (byte) (0xF0 | cp >> 18);
            buf[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
            buf[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
            buf[length++] = (byte) (0x80 | cp & 0x3F);
        }
    }

    /** Makes room for {@code n} more bytes, doubling the array as a StringBuilder does. */
    private void room(int n) {
        if (buf.length - length < n) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + n));
        }
    }

    byte[] utf8() {
        return Arrays.copyOf(buf, length);
    }

    /** XML 1.0 {@code Char}, for a UTF-16 unit that is not part of a valid surrogate pair. */
    static boolean isAllowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
