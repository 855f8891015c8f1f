package io.sigil.server.protocol;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes text content that every XML 1.0 parser reads back exactly, or as close as XML allows.
 *
 * <p>The StAX writer escapes {@code & < >}. Two things remain: characters XML 1.0 forbids (C0 controls other
 * than tab, line feed and carriage return; lone surrogates; U+FFFE and U+FFFF) are replaced by U+FFFD, since
 * no escape can carry them; and a carriage return is written as {@code &#13;}, since a parser turns a raw one
 * into a line feed (XML 1.0, section 2.11 "End-of-Line Handling").
 */
final class XmlText {
    private static final char REPLACEMENT = '\uFFFD';

    private XmlText() {
    }

    static void write(XMLStreamWriter xml, String text) throws XMLStreamException {
        StringBuilder run = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                flush(xml, run);
                xml.writeEntityRef("#13");
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                run.append(c).append(text.charAt(++i));
            } else {
                run.append(isAllowed(c) ? c : REPLACEMENT);
            }
        }
        flush(xml, run);
    }

    /** XML 1.0 {@code Char}, for a UTF-16 unit that is not part of a valid surrogate pair. */
    static boolean isAllowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }

    private static void flush(XMLStreamWriter xml, StringBuilder run) throws XMLStreamException {
        if (!run.isEmpty()) {
            xml.writeCharacters(run.toString());
            run.setLength(0);
        }
    }
}
