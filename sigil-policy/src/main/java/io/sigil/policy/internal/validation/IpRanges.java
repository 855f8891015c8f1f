package io.sigil.policy.internal.validation;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * IP address condition values (IAM JSON policy elements: Condition operators, "IP address condition operators"):
 * IPv4 or IPv6, optionally with a CIDR prefix length (RFC 4632). Parsing never touches the network: only literal
 * addresses reach {@link InetAddress}.
 */
final class IpRanges {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");
    /** RFC 1918 ranges and their IPv6 counterpart (RFC 4193), which aws:SourceIp never carries. */
    private static final List<Range> PRIVATE = List.of(parse("10.0.0.0/8"), parse("172.16.0.0/12"),
            parse("192.168.0.0/16"), parse("fc00::/7"));

    /** A parsed range: the address as written, as a number, its bit width and prefix length. */
    record Range(BigInteger address, int bits, int prefix) {
        BigInteger network() {
            return address.shiftRight(bits - prefix).shiftLeft(bits - prefix);
        }

        boolean hostBitsSet() {
            return !network().equals(address);
        }

        boolean within(Range outer) {
            return bits == outer.bits && prefix >= outer.prefix
                    && address.shiftRight(bits - outer.prefix).equals(outer.address.shiftRight(bits - outer.prefix));
        }

        boolean isPrivate() {
            return PRIVATE.stream().anyMatch(this::within);
        }

        String networkText() {
            byte[] raw = network().toByteArray();
            byte[] b = new byte[bits / 8];
            int n = Math.min(raw.length, b.length);
            System.arraycopy(raw, raw.length - n, b, b.length - n, n);
            try {
                String host = InetAddress.getByAddress(b).getHostAddress();
                return host + "/" + prefix;
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private IpRanges() {}

    /** The range, or null when the text is no IP address or CIDR block. */
    static Range parse(String text) {
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = bytes(host);
        if (bytes == null) {
            return null;
        }
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = text.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return null;
            }
            prefix = Integer.parseInt(p);
            if (prefix > bits) {
                return null;
            }
        }
        return new Range(new BigInteger(1, bytes), bits, prefix);
    }

    private static byte[] bytes(String host) {
        var m = IPV4.matcher(host);
        if (m.matches()) {
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(m.group(i + 1));
                if (octet > 255) {
                    return null;
                }
                b[i] = (byte) octet;
            }
            return b;
        }
        if (host.indexOf(':') < 0 || !IPV6.matcher(host).matches()) {
            return null;
        }
        try {
            byte[] b = InetAddress.getByName(host).getAddress();
            return b.length == 16 ? b : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
