package io.sigil.policy.condition;

import io.sigil.policy.internal.Variables;

import java.util.Arrays;
import java.util.Set;

/**
 * IP address operators (IAM JSON policy elements: Condition operators, "IP address condition operators"):
 * "IPv4 or IPv6 address or range of IP addresses ... in the standard CIDR format (for example, 203.0.113.0/24 or
 * 2001:DB8:1234:5678::/64). If you specify an IP address without the associated routing prefix, IAM uses the
 * default prefix value of /32" (for an IPv6 address, a single host: /128).
 * <p>
 * Addresses are parsed by hand, never through {@link java.net.InetAddress}, which would resolve host names.
 * IPv6 text follows RFC 4291 §2.2 ({@code ::}, hex digits in either case, a trailing dotted quad) without zone
 * ids. An IPv4-mapped IPv6 address ({@code ::ffff:203.0.113.7}, RFC 4291 §2.5.5.2) is the IPv4 address it maps,
 * on either side, so a dual-stack front end cannot slip an IPv4 client past an IPv4 rule. IPv4 octets with a
 * leading zero ({@code 010.0.0.1}) are rejected: some readers take them as octal, and a policy must not mean
 * two things.
 */
public final class IpAddressOperators implements OperatorFamily {
    /** The longest address text: a full IPv6 address with a dotted-quad tail. */
    private static final int MAX_TEXT = 45;
    /** {@code ::ffff:0:0/96}, the IPv4-mapped block. */
    private static final int MAPPED_PREFIX_BITS = 96;

    @Override
    public String typeName() {
        return "IP address";
    }

    @Override
    public Set<String> names() {
        return Set.of("IpAddress", "NotIpAddress");
    }

    @Override
    public boolean isNegated(String base) {
        return base.equals("NotIpAddress");
    }

    @Override
    public ValueTest compile(String base, String policyValue, boolean variablesEnabled) throws InvalidPolicyValue {
        Cidr c = Cidr.parse(policyValue);
        if (c == null) {
            throw new InvalidPolicyValue("'" + policyValue + "' is not an IP address or CIDR block");
        }
        return new IpTest(c, policyValue);
    }

    private record IpTest(Cidr cidr, String text) implements ValueTest {
        public boolean test(String r, Variables vars) {
            byte[] a = parseAddress(r);
            return a != null && cidr.contains(a);
        }

        public String describe() {
            return text;
        }
    }

    /** A network: address bytes (4 or 16) and prefix length. */
    public record Cidr(byte[] address, int prefix) {
        public static Cidr parse(String s) {
            if (s == null) {
                return null;
            }
            String t = s.trim();
            int slash = t.indexOf('/');
            String addr = slash < 0 ? t : t.substring(0, slash);
            byte[] a = parseRaw(addr);
            if (a == null) {
                return null;
            }
            int max = a.length * 8;
            int prefix = max;
            if (slash >= 0) {
                String p = t.substring(slash + 1);
                if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                        || (p.length() > 1 && p.charAt(0) == '0')) {
                    return null;
                }
                prefix = Integer.parseInt(p);
                if (prefix > max) {
                    return null;
                }
            }
            return normalized(a, prefix);
        }

        /** An IPv4-mapped network of prefix 96 or longer is the IPv4 network it maps. */
        private static Cidr normalized(byte[] a, int prefix) {
            if (a.length == 16 && prefix >= MAPPED_PREFIX_BITS && isV4Mapped(a)) {
                return new Cidr(Arrays.copyOfRange(a, 12, 16), prefix - MAPPED_PREFIX_BITS);
            }
            return new Cidr(a, prefix);
        }

        public boolean contains(byte[] x) {
            if (x.length != address.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (x[i] != address[i]) {
                    return false;
                }
            }
            int rem = prefix % 8;
            if (rem == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rem)) & 0xFF;
            return (x[full] & mask) == (address[full] & mask);
        }
    }

    /**
     * IPv4 dotted quad (4 bytes) or IPv6 text form (16 bytes; RFC 4291 §2.2, with {@code ::} and a trailing IPv4
     * part), or null. An IPv4-mapped IPv6 address comes back as its 4 IPv4 bytes.
     */
    public static byte[] parseAddress(String s) {
        byte[] a = parseRaw(s);
        return a != null && a.length == 16 && isV4Mapped(a) ? Arrays.copyOfRange(a, 12, 16) : a;
    }

    /** {@code ::ffff:0:0/96}: ten zero bytes, then two 0xff. */
    private static boolean isV4Mapped(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[10] == (byte) 0xFF && a[11] == (byte) 0xFF;
    }

    /** Parses a CIDR's address part without unmapping it, so that the prefix can be shifted with it. */
    private static byte[] parseRaw(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX_TEXT) {
            return null;
        }
        return s.indexOf(':') >= 0 ? parseV6(s) : parseV4(s);
    }

    private static byte[] parseV4(String s) {
        byte[] out = new byte[4];
        int part = 0;
        int i = 0;
        int n = s.length();
        while (part < 4) {
            int start = i;
            int v = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                v = v * 10 + (s.charAt(i) - '0');
                i++;
                if (i - start > 3) {
                    return null;
                }
            }
            if (i == start || v > 255 || (i - start > 1 && s.charAt(start) == '0')) {
                return null;
            }
            out[part++] = (byte) v;
            if (part < 4) {
                if (i >= n || s.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
        }
        return i == n ? out : null;
    }

    private static byte[] parseV6(String s) {
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return null;
        }
        String head = dbl >= 0 ? s.substring(0, dbl) : s;
        String tail = dbl >= 0 ? s.substring(dbl + 2) : "";
        int[] h = groups(head, dbl < 0);
        int[] t = dbl >= 0 ? groups(tail, true) : new int[0];
        if (h == null || t == null) {
            return null;
        }
        int total = h.length + t.length;
        if (dbl < 0 ? total != 8 : total > 7) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < h.length; i++) {
            out[2 * i] = (byte) (h[i] >> 8);
            out[2 * i + 1] = (byte) h[i];
        }
        for (int i = 0; i < t.length; i++) {
            int g = 8 - t.length + i;
            out[2 * g] = (byte) (t[i] >> 8);
            out[2 * g + 1] = (byte) t[i];
        }
        return out;
    }

    /** Colon-separated 16-bit groups; the last may be an IPv4 address when {@code allowV4Tail}. */
    private static int[] groups(String s, boolean allowV4Tail) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        int extra = 0;
        byte[] v4 = null;
        if (allowV4Tail && parts[parts.length - 1].indexOf('.') >= 0) {
            v4 = parseV4(parts[parts.length - 1]);
            if (v4 == null) {
                return null;
            }
            extra = 1;
        }
        int n = parts.length - extra;
        int[] out = new int[n + (v4 == null ? 0 : 2)];
        for (int i = 0; i < n; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            int v = 0;
            for (int k = 0; k < p.length(); k++) {
                int d = Character.digit(p.charAt(k), 16);
                if (d < 0 || p.charAt(k) > 127) {
                    return null;
                }
                v = v * 16 + d;
            }
            out[i] = v;
        }
        if (v4 != null) {
            out[n] = ((v4[0] & 0xFF) << 8) | (v4[1] & 0xFF);
            out[n + 1] = ((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF);
        }
        return out;
    }
}
