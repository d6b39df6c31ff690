package dev.atwatch.spl.eval;

import dev.atwatch.spl.ast.BinaryOp;
import dev.atwatch.spl.func.Values;

/**
 * The eval operators. Any NULL operand gives NULL (logic operators use three-valued logic: {@code
 * NULL AND false} is false, {@code NULL OR true} is true). Division by zero gives NULL.
 */
final class Operators {

    private Operators() {}

    static Object apply(BinaryOp op, Object left, Object right) {
        return switch (op) {
            case AND -> and(left, right);
            case OR -> or(left, right);
            case XOR -> left instanceof Boolean a && right instanceof Boolean b ? a ^ b : null;
            case CONCAT ->
                    left == null || right == null ? null : Values.text(left) + Values.text(right);
            case ADD -> add(left, right);
            case SUB, MUL, DIV, MOD -> arithmetic(op, left, right);
            case LIKE -> throw new IllegalArgumentException("LIKE is compiled separately");
            default -> compare(op, left, right);
        };
    }

    private static Object and(Object left, Object right) {
        if (Boolean.FALSE.equals(left) || Boolean.FALSE.equals(right)) {
            return Boolean.FALSE;
        }
        return Values.isTrue(left) && Values.isTrue(right) ? Boolean.TRUE : null;
    }

    private static Object or(Object left, Object right) {
        if (Values.isTrue(left) || Values.isTrue(right)) {
            return Boolean.TRUE;
        }
        return Boolean.FALSE.equals(left) && Boolean.FALSE.equals(right) ? Boolean.FALSE : null;
    }

    /** Adds two numbers, concatenates two strings; NULL when either is NULL or they do not fit. */
    private static Object add(Object left, Object right) {
        if (left == null || right == null || left instanceof Boolean || right instanceof Boolean) {
            return null;
        }
        Double a = Values.number(left);
        Double b = Values.number(right);
        if (a != null && b != null) {
            return finite(a + b);
        }
        if (Values.isText(left) && Values.isText(right)) {
            return Values.text(left) + Values.text(right);
        }
        return null;
    }

    private static Object arithmetic(BinaryOp op, Object left, Object right) {
        Double a = left instanceof Boolean ? null : Values.number(left);
        Double b = right instanceof Boolean ? null : Values.number(right);
        if (a == null || b == null) {
            return null;
        }
        return switch (op) {
            case SUB -> finite(a - b);
            case MUL -> finite(a * b);
            case DIV -> b == 0 ? null : finite(a / b);
            default -> b == 0 ? null : finite(a % b);
        };
    }

    private static Double finite(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }

    /**
     * Compares case-sensitively: as numbers when both sides read as numbers, else as strings. A
     * multivalue side is true when any of its values is.
     */
    private static Object compare(BinaryOp op, Object left, Object right) {
        if (left == null || right == null) {
            return null;
        }
        if (left instanceof Boolean || right instanceof Boolean) {
            boolean same = left.equals(right);
            return op == BinaryOp.EQ ? same : op == BinaryOp.NE ? !same : null;
        }
        for (String l : Values.strings(left)) {
            for (String r : Values.strings(right)) {
                if (holds(op, l, r)) {
                    return Boolean.TRUE;
                }
            }
        }
        return Boolean.FALSE;
    }

    private static boolean holds(BinaryOp op, String left, String right) {
        Double a = Values.parseNumber(left);
        Double b = a == null ? null : Values.parseNumber(right);
        int cmp = b != null ? Double.compare(a, b) : left.compareTo(right);
        if (b != null && a.doubleValue() == b.doubleValue()) {
            cmp = 0;
        }
        return switch (op) {
            case EQ -> cmp == 0;
            case NE -> cmp != 0;
            case LT -> cmp < 0;
            case GT -> cmp > 0;
            case LE -> cmp <= 0;
            default -> cmp >= 0;
        };
    }
}
