/** The eval function library and the value conversions it shares with the operators. */
package dev.atwatch.spl.func;
