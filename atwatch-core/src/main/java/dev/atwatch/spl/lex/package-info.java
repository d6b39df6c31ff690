/** Tokens of SPL text, produced on demand in the mode the parser asks for. */
package dev.atwatch.spl.lex;
