/**
 * Macro expansion and parsing into {@link dev.atwatch.spl.ast.Pipeline}s; every problem becomes a
 * diagnostic located in the text as written.
 */
package dev.atwatch.spl.parse;
