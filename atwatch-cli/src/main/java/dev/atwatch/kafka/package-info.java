/**
 * Apache Kafka as a live source of log lines ({@code atwatch follow kafka://broker:9092/topic}) and
 * as a destination of alerts ({@code --kafka-url}).
 */
package dev.atwatch.kafka;
