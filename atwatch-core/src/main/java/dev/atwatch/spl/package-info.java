/**
 * The SPL engine: compiles a query in the SPL subset of {@code shared/spl/SPEC.md} ({@link
 * dev.atwatch.spl.Spl#compile}) and runs it over events ({@link dev.atwatch.spl.Query#start}).
 *
 * <p>The stages are packages: {@code lex} (tokens; SPL has no single token grammar, so the parser
 * says which rules apply), {@code parse} (macros, commands, search and eval expressions, error
 * recovery at pipes), {@code ast} (records and sealed interfaces), {@code check} (functions, arity,
 * types, warnings), {@code func} (the eval function library) and {@code eval} (compiled search
 * predicates, expressions and the command pipeline).
 *
 * <p>Where Splunk's behaviour is undocumented, the choice made is reported as a warning so that a
 * linter can list it: bare terms match as substrings of {@code _raw} (SPL101); a backslash in a
 * LIKE pattern is literal (SPL102); a NULL condition is not TRUE (SPL103); {@code or}, {@code and},
 * {@code not} in lower case are terms (SPL104). Other choices, not warned about:
 *
 * <ul>
 *   <li>search values compare ignoring case for ASCII letters and for non-ASCII letters among
 *       themselves, but a non-ASCII letter never equals an ASCII one (the Kelvin sign is not {@code
 *       k}); this keeps the byte-level {@link dev.atwatch.spl.Prefilter} sound;
 *   <li>{@code field!=value} on a multivalue field holds when no value equals;
 *   <li>eval comparisons and arithmetic read text that looks like a decimal number as a number;
 *   <li>ascending sort puts results without the field first (descending: last);
 *   <li>{@code tail} returns the last results last first, as Splunk does;
 *   <li>{@code fields a, b} keeps {@code _time} and {@code _raw} besides, as Splunk does, but the
 *       result columns are {@code a, b};
 *   <li>{@code strftime} and {@code strptime} use UTC unless the text carries an offset; {@code
 *       cidrmatch} knows IPv4 only.
 * </ul>
 *
 * <p>Not supported, and reported as errors: {@code field IN (...)} in search (SPL014), {@code
 * TERM()} and {@code CASE()} (SPL015), subsearches (SPL016), time modifiers in the query text
 * ({@code earliest=}; the range comes from the command line). Not supported either: generating
 * commands, {@code dedup sortby}, stats functions other than count, dc, values, min, max, earliest
 * and latest.
 */
package dev.atwatch.spl;
