package dev.atwatch.spl.func;

import java.util.List;

/** Conditions and NULL handling: coalesce, if, case, isnull, isnotnull, null, true, false, in. */
final class ConditionFunctions {

    private ConditionFunctions() {}

    static void register(FunctionLibrary.Builder library) {
        library.same("coalesce", 1, Integer.MAX_VALUE, false, (a, s) -> coalesce(a));
        library.same(
                "if",
                3,
                3,
                false,
                (a, s) ->
                        scope ->
                                Values.isTrue(a.get(0).eval(scope))
                                        ? a.get(1).eval(scope)
                                        : a.get(2).eval(scope));
        library.same("case", 2, Integer.MAX_VALUE, true, (a, s) -> cases(a));
        library.bool("isnull", 1, 1, (a, s) -> scope -> a.get(0).eval(scope) == null);
        library.bool("isnotnull", 1, 1, (a, s) -> scope -> a.get(0).eval(scope) != null);
        library.value("null", 0, 0, (a, s) -> scope -> null);
        library.bool("true", 0, 0, (a, s) -> scope -> Boolean.TRUE);
        library.bool("false", 0, 0, (a, s) -> scope -> Boolean.FALSE);
        library.bool("in", 2, Integer.MAX_VALUE, (a, s) -> in(a));
    }

    private static Evaluator coalesce(List<Evaluator> args) {
        Evaluator[] all = args.toArray(new Evaluator[0]);
        return scope -> {
            for (Evaluator arg : all) {
                Object value = arg.eval(scope);
                if (value != null) {
                    return value;
                }
            }
            return null;
        };
    }

    /** {@code case}: the value after the first TRUE condition; NULL when none is TRUE. */
    private static Evaluator cases(List<Evaluator> args) {
        Evaluator[] all = args.toArray(new Evaluator[0]);
        return scope -> {
            for (int i = 0; i + 1 < all.length; i += 2) {
                if (Values.isTrue(all[i].eval(scope))) {
                    return all[i + 1].eval(scope);
                }
            }
            return null;
        };
    }

    /**
     * {@code in(x, v...)}: whether a value of x equals one of v (as strings); NULL x gives NULL.
     */
    private static Evaluator in(List<Evaluator> args) {
        Evaluator[] all = args.toArray(new Evaluator[0]);
        return scope -> {
            Object value = all[0].eval(scope);
            if (value == null) {
                return null;
            }
            for (int i = 1; i < all.length; i++) {
                String candidate = Values.text(all[i].eval(scope));
                if (candidate != null && Values.strings(value).contains(candidate)) {
                    return Boolean.TRUE;
                }
            }
            return Boolean.FALSE;
        };
    }
}
