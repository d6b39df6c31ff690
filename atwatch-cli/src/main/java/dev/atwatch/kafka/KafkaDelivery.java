package dev.atwatch.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends alerts to a topic, each as one message: the alert's JSON object (as a line of {@code
 * --format jsonl} holds it) keyed by its rule, so one rule's alerts stay in order in one partition.
 * Every message must be acknowledged by all in-sync replicas; a batch not acknowledged within
 * {@link #DELIVERY_TIMEOUT} is a failure, reported with Kafka's reason, and so are brokers that do
 * not answer within half of it.
 */
public final class KafkaDelivery implements AutoCloseable {

    /** How long a batch of alerts may take to be acknowledged. */
    public static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    /** One alert to send: its rule (the message key) and its JSON text. */
    public record Message(String rule, String json) {}

    /** Why a batch was not delivered. */
    public static final class DeliveryException extends Exception {
        DeliveryException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final KafkaTopic topic;
    private final KafkaProducer<String, String> producer;

    /**
     * A producer for {@code topic}; {@code client} holds the user's settings (TLS, SASL), which may
     * also change the delivery settings below (such as {@code acks}).
     */
    public KafkaDelivery(KafkaTopic topic, Properties client) {
        this.topic = topic;
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, topic.bootstrap());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "atwatch");
        settings.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        int timeout = (int) DELIVERY_TIMEOUT.toMillis();
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(timeout));
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(timeout / 2));
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeout / 2));
        settings.putAll(client);
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, topic.bootstrap());
        this.producer =
                new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
    }

    public KafkaTopic topic() {
        return topic;
    }

    /** Sends {@code messages} and waits until all are acknowledged. */
    public void send(List<Message> messages) throws DeliveryException {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try {
            producer.partitionsFor(topic.topic()); // waits once for the brokers, not per message
            for (Message message : messages) {
                sent.add(
                        producer.send(
                                new ProducerRecord<>(
                                        topic.topic(), message.rule(), message.json())));
            }
            producer.flush();
            long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
            for (Future<RecordMetadata> acknowledgement : sent) {
                acknowledgement.get(
                        Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new DeliveryException(reason(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new DeliveryException(
                    "not acknowledged within " + DELIVERY_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted", e);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new DeliveryException(reason(e), e);
        }
    }

    private static String reason(Throwable cause) {
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
