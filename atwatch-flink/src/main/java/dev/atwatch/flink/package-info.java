/**
 * The Apache Flink job: log records read from Kafka topics, keyed by host, searched by the rule
 * pack over a sliding span of each host's records, and each new alert written to a Kafka topic.
 */
package dev.atwatch.flink;
