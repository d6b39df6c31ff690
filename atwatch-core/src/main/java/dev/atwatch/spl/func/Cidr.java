package dev.atwatch.spl.func;

import dev.atwatch.spl.ast.Expr;
import java.util.List;

/** {@code cidrmatch(cidr, ip)} for IPv4 addresses, parsed without any name lookup. */
final class Cidr {

    private Cidr() {}

    static Evaluator matcher(List<Evaluator> args, List<Expr> syntax) {
        return scope -> {
            String cidr = Values.text(args.get(0).eval(scope));
            Object ip = args.get(1).eval(scope);
            if (cidr == null || ip == null) {
                return null;
            }
            for (String address : Values.strings(ip)) {
                if (matches(cidr, address)) {
                    return Boolean.TRUE;
                }
            }
            return Boolean.FALSE;
        };
    }

    /** Whether {@code address} lies in {@code cidr}; false when either is malformed. */
    static boolean matches(String cidr, String address) {
        int slash = cidr.indexOf('/');
        long network = ipv4(slash < 0 ? cidr : cidr.substring(0, slash));
        long ip = ipv4(address.strip());
        int bits = slash < 0 ? 32 : bits(cidr.substring(slash + 1));
        if (network < 0 || ip < 0 || bits < 0) {
            return false;
        }
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (network & mask) == (ip & mask);
    }

    private static int bits(String text) {
        Double value = Values.parseNumber(text);
        if (value == null || value < 0 || value > 32 || value != Math.rint(value)) {
            return -1;
        }
        return value.intValue();
    }

    /** The address as an unsigned 32-bit number, or -1. */
    static long ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long result = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return -1;
            }
            result = result << 8 | octet;
        }
        return result;
    }
}
