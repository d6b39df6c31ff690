/** The syntax tree of a query: commands, search expressions and eval expressions. */
package dev.atwatch.spl.ast;
