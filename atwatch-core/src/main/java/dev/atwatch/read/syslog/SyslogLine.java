package dev.atwatch.read.syslog;

/**
 * The header of one syslog line once parsed.
 *
 * @param time epoch seconds
 * @param host the host named in the line, or {@code null}
 * @param process the program (tag, APP-NAME or SYSLOG_IDENTIFIER), or {@code null}
 * @param pid the process id, or {@code null}
 * @param message the free text after the header
 */
record SyslogLine(double time, String host, String process, String pid, String message) {}
