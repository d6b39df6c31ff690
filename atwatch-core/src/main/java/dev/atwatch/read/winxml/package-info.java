/**
 * Reads Windows event XML ({@code XmlWinEventLog}): Splunk's one event per line, streams of {@code
 * <Event>} elements and {@code <Events>} documents.
 *
 * <p>Limitations: the text must be UTF-8, or UTF-16 with a byte-order mark (transcoded when the
 * input is opened); an XML declaration naming another encoding is not honoured. {@code
 * RenderingInfo} (the rendered message) is not turned into fields. A {@code <Event} start tag
 * inside an unterminated event always starts a new event, which is how a damaged event is recovered
 * from.
 */
package dev.atwatch.read.winxml;
