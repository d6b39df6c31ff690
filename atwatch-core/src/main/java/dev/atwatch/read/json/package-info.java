/**
 * Reads Windows events exported as JSON (NXLog/OTRF, Winlogbeat, evtx_dump, Splunk search exports).
 *
 * <p>Limitations: a {@code {"results":[...]}} export is one JSON value and so one record for the
 * {@code record-bytes} limit (16 MiB by default; raise it for larger exports, or export as {@code
 * {"result":...}} lines). NXLog's {@code EventTime} is the collector's local time and is taken as
 * UTC when it is the only time an object has. A carriage return alone does not end a line for line
 * numbers.
 */
package dev.atwatch.read.json;
