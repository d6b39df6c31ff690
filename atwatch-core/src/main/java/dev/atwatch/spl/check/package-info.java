/** Checks of a parsed query before it runs: functions, arity, types, undocumented behaviour. */
package dev.atwatch.spl.check;
