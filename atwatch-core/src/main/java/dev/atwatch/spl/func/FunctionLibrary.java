package dev.atwatch.spl.func;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The eval functions this engine knows, by name (lower case, as SPL writes them). */
public final class FunctionLibrary {

    private static final Map<String, FunctionSpec> SPECS = build();

    private FunctionLibrary() {}

    /** The function called {@code name}, matched exactly. */
    public static Optional<FunctionSpec> find(String name) {
        return Optional.ofNullable(SPECS.get(name));
    }

    /** Every function, sorted by name. */
    public static Map<String, FunctionSpec> all() {
        return SPECS;
    }

    /**
     * The {@code LIKE} operator: whole-string, case-sensitive match of {@code pattern}; compiled
     * once when {@code patternSyntax} is a literal.
     */
    public static Evaluator like(
            Evaluator value, Evaluator pattern, dev.atwatch.spl.ast.Expr patternSyntax) {
        return TextFunctions.whole(value, Regexes.of(pattern, patternSyntax, true));
    }

    private static Map<String, FunctionSpec> build() {
        Builder builder = new Builder();
        TextFunctions.register(builder);
        ConditionFunctions.register(builder);
        MultivalueFunctions.register(builder);
        NumberFunctions.register(builder);
        TimeFunctions.register(builder);
        builder.bool("cidrmatch", 2, 2, (a, s) -> Cidr.matcher(a, s));
        // searchmatch needs the search compiler; the evaluator builds it
        builder.add(
                new FunctionSpec("searchmatch", 1, 1, false, FunctionSpec.Returns.BOOLEAN, null));
        return Collections.unmodifiableMap(builder.specs);
    }

    /** Collects specs while the library is built. */
    static final class Builder {
        private final Map<String, FunctionSpec> specs = new TreeMap<>();

        void add(FunctionSpec spec) {
            specs.put(spec.name(), spec);
        }

        void value(String name, int min, int max, FunctionSpec.Factory factory) {
            add(new FunctionSpec(name, min, max, false, FunctionSpec.Returns.VALUE, factory));
        }

        void bool(String name, int min, int max, FunctionSpec.Factory factory) {
            add(new FunctionSpec(name, min, max, false, FunctionSpec.Returns.BOOLEAN, factory));
        }

        void same(String name, int min, int max, boolean pairs, FunctionSpec.Factory factory) {
            add(
                    new FunctionSpec(
                            name,
                            min,
                            max,
                            pairs,
                            FunctionSpec.Returns.SAME_AS_ARGUMENTS,
                            factory));
        }
    }
}
