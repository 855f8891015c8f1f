package io.sigil.iam.pki.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The small part of ASN.1 DER (ITU-T X.690 §8, §10) that key and certificate handling needs: reading one
 * tag-length-value element at a time, and writing the few structures the JDK cannot build itself (PKCS#8 and
 * SubjectPublicKeyInfo wrappers around PKCS#1 and SEC1 keys, and, in tests, certificates).
 *
 * <p>Reading is strict: definite lengths in their shortest form only, no trailing bytes. Anything else is a
 * {@link DerException}; callers turn it into the AWS error of their operation.
 */
public final class Der {

    public static final int INTEGER = 0x02;
    public static final int BIT_STRING = 0x03;
    public static final int OCTET_STRING = 0x04;
    public static final int NULL = 0x05;
    public static final int OID = 0x06;
    public static final int UTF8_STRING = 0x0c;
    public static final int PRINTABLE_STRING = 0x13;
    public static final int UTC_TIME = 0x17;
    public static final int GENERALIZED_TIME = 0x18;
    public static final int SEQUENCE = 0x30;
    public static final int SET = 0x31;

    private Der() {
    }

    /** One decoded element: its tag, and its content bytes. */
    public record Element(int tag, byte[] content) {

        /** The elements of a constructed value (SEQUENCE, SET, [n] EXPLICIT). */
        public List<Element> children() {
            return readAll(content);
        }

        public BigInteger integer() {
            expect(INTEGER);
            if (content.length == 0) {
                throw new DerException("empty INTEGER");
            }
            return new BigInteger(content);
        }

        /** The bits of a BIT STRING with no unused bits. */
        public byte[] bits() {
            expect(BIT_STRING);
            if (content.length == 0 || content[0] != 0) {
                throw new DerException("BIT STRING with unused bits");
            }
            return Arrays.copyOfRange(content, 1, content.length);
        }

        /** Dotted form of an OBJECT IDENTIFIER. */
        public String oid() {
            expect(OID);
            StringBuilder sb = new StringBuilder();
            long value = 0;
            boolean first = true;
            for (byte b : content) {
                value = (value << 7) | (b & 0x7f);
                if ((b & 0x80) == 0) {
                    if (first) {
                        long top = Math.min(value / 40, 2);
                        sb.append(top).append('.').append(value - top * 40);
                        first = false;
                    } else {
                        sb.append('.').append(value);
                    }
                    value = 0;
                }
            }
            return sb.toString();
        }

        private void expect(int expected) {
            if (tag != expected) {
                throw new DerException("expected tag " + expected + ", got " + tag);
            }
        }
    }

    /** Reads exactly one element filling {@code der}. */
    public static Element read(byte[] der) {
        List<Element> all = readAll(der);
        if (all.size() != 1) {
            throw new DerException("expected one DER element, found " + all.size());
        }
        return all.get(0);
    }

    /** Reads consecutive elements filling {@code der}. */
    public static List<Element> readAll(byte[] der) {
        List<Element> out = new ArrayList<>();
        int pos = 0;
        while (pos < der.length) {
            int tag = der[pos++] & 0xff;
            if ((tag & 0x1f) == 0x1f) {
                throw new DerException("multi-byte tags are not used here");
            }
            if (pos >= der.length) {
                throw new DerException("truncated length");
            }
            int first = der[pos++] & 0xff;
            long length;
            if (first < 0x80) {
                length = first;
            } else {
                int n = first & 0x7f;
                if (n == 0 || n > 4 || pos + n > der.length) {
                    throw new DerException("unsupported or truncated length");
                }
                length = 0;
                for (int i = 0; i < n; i++) {
                    length = (length << 8) | (der[pos++] & 0xff);
                }
                if (length < 0x80 || (n > 1 && length < (1L << (8 * (n - 1))))) {
                    throw new DerException("length not in shortest form");
                }
            }
            if (length > der.length - pos) {
                throw new DerException("truncated content");
            }
            out.add(new Element(tag, Arrays.copyOfRange(der, pos, pos + (int) length)));
            pos += (int) length;
        }
        return out;
    }

    // ---- writing ---------------------------------------------------------------------------------------------

    /** tag || length || content. */
    public static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int len = content.length;
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else if (len < 0x10000) {
            out.write(0x82);
            out.write(len >> 8);
            out.write(len);
        } else {
            out.write(0x83);
            out.write(len >> 16);
            out.write(len >> 8);
            out.write(len);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    public static byte[] sequence(byte[]... parts) {
        return tlv(SEQUENCE, concat(parts));
    }

    public static byte[] set(byte[]... parts) {
        return tlv(SET, concat(parts));
    }

    /** A context-specific constructed [n] EXPLICIT wrapper. */
    public static byte[] explicit(int n, byte[] inner) {
        return tlv(0xa0 | n, inner);
    }

    public static byte[] integer(BigInteger value) {
        return tlv(INTEGER, value.toByteArray());
    }

    public static byte[] integer(long value) {
        return integer(BigInteger.valueOf(value));
    }

    public static byte[] octetString(byte[] content) {
        return tlv(OCTET_STRING, content);
    }

    /** A BIT STRING with no unused bits. */
    public static byte[] bitString(byte[] bits) {
        byte[] content = new byte[bits.length + 1];
        System.arraycopy(bits, 0, content, 1, bits.length);
        return tlv(BIT_STRING, content);
    }

    public static byte[] nullValue() {
        return new byte[] {NULL, 0};
    }

    public static byte[] oid(String dotted) {
        String[] parts = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeBase128(out, Long.parseLong(parts[0]) * 40 + Long.parseLong(parts[1]));
        for (int i = 2; i < parts.length; i++) {
            writeBase128(out, Long.parseLong(parts[i]));
        }
        return tlv(OID, out.toByteArray());
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static void writeBase128(ByteArrayOutputStream out, long value) {
        int groups = 1;
        for (long v = value >>> 7; v != 0; v >>>= 7) {
            groups++;
        }
        for (int i = groups - 1; i >= 0; i--) {
            int b = (int) ((value >>> (7 * i)) & 0x7f);
            out.write(i == 0 ? b : b | 0x80);
        }
    }
}
