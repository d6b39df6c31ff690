/**
 * Running a query: compiled search predicates (no allocation per event), eval expressions and the
 * pipeline of commands, streaming until a command needs the whole input.
 */
package dev.atwatch.spl.eval;
