/**
 * Reads Splunk's classic WinEventLog text ({@code WinEventLog:<LogName>}).
 *
 * <p>Limitations: the timestamp line carries no zone and is taken as UTC. Only {@code
 * Label:<tab>value} message lines become fields, as for the Security log; messages whose lines read
 * {@code Label: value} (Sysmon's) keep their text in {@code Message} only.
 */
package dev.atwatch.read.winclassic;
