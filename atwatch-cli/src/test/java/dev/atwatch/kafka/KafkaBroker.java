package dev.atwatch.kafka;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A real Kafka broker (KRaft, broker and controller in one process) started from the test class
 * path on free loopback ports, with its data in a folder of the test's; stopped on close. Besides
 * its plaintext listener it has a TLS one, whose self-signed certificate (for 127.0.0.1) a trust
 * store in the folder holds: {@link #tlsClientSettings} writes the client settings that trust it.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private static final String PASSWORD = "atwatch-test";

    private final Process process;
    private final String bootstrap;
    private final String tlsBootstrap;
    private final Path trustStore;
    private final Path log;

    private KafkaBroker(
            Process process, String bootstrap, String tlsBootstrap, Path trustStore, Path log) {
        this.process = process;
        this.bootstrap = bootstrap;
        this.tlsBootstrap = tlsBootstrap;
        this.trustStore = trustStore;
        this.log = log;
    }

    /** Formats a data folder under {@code dir} and starts the broker, waiting until it answers. */
    public static KafkaBroker start(Path dir) throws Exception {
        int port = freePort();
        int tls = freePort();
        int controller = freePort();
        Path keyStore = dir.resolve("broker.p12");
        Path trustStore = dir.resolve("trust.p12");
        Path certificate = dir.resolve("broker.crt");
        keytool(
                "-genkeypair",
                "-alias",
                "broker",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=atwatch test broker",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                PASSWORD);
        keytool(
                "-exportcert",
                "-alias",
                "broker",
                "-rfc",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                certificate.toString());
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "broker",
                "-file",
                certificate.toString(),
                "-storetype",
                "PKCS12",
                "-keystore",
                trustStore.toString(),
                "-storepass",
                PASSWORD);
        Path data = Files.createDirectories(dir.resolve("data"));
        Path config = dir.resolve("server.properties");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "process.roles=broker,controller",
                        "node.id=1",
                        "controller.quorum.voters=1@127.0.0.1:" + controller,
                        "listeners=PLAINTEXT://127.0.0.1:"
                                + port
                                + ",SSL://127.0.0.1:"
                                + tls
                                + ",CONTROLLER://127.0.0.1:"
                                + controller,
                        "advertised.listeners=PLAINTEXT://127.0.0.1:"
                                + port
                                + ",SSL://127.0.0.1:"
                                + tls,
                        "controller.listener.names=CONTROLLER",
                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,SSL:SSL,"
                                + "CONTROLLER:PLAINTEXT",
                        "ssl.keystore.type=PKCS12",
                        "ssl.keystore.location=" + keyStore,
                        "ssl.keystore.password=" + PASSWORD,
                        "ssl.key.password=" + PASSWORD,
                        "log.dirs=" + data,
                        "offsets.topic.replication.factor=1",
                        "transaction.state.log.replication.factor=1",
                        "transaction.state.log.min.isr=1",
                        "group.initial.rebalance.delay.ms=0",
                        "num.partitions=1",
                        ""));
        Path log = dir.resolve("broker.log");
        int formatted =
                java(
                                "kafka.tools.StorageTool",
                                "format",
                                "-t",
                                Uuid.randomUuid().toString(),
                                "-c",
                                config.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("format.log").toFile())
                        .start()
                        .waitFor();
        if (formatted != 0) {
            throw new IllegalStateException(
                    "formatting the broker's storage failed: "
                            + Files.readString(dir.resolve("format.log")));
        }
        Process process =
                java("kafka.Kafka", config.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        KafkaBroker broker =
                new KafkaBroker(process, "127.0.0.1:" + port, "127.0.0.1:" + tls, trustStore, log);
        broker.awaitReady();
        return broker;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + output);
        }
    }

    private static ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String[] hostPort = bootstrap.split(":");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker stopped: " + Files.readString(log));
            }
            try (Socket socket = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
                try (Admin admin = admin()) {
                    admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
                    return;
                }
            } catch (IOException
                    | java.util.concurrent.ExecutionException
                    | java.util.concurrent.TimeoutException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the broker did not start in " + START_TIMEOUT);
    }

    /** host:port of the broker. */
    public String bootstrap() {
        return bootstrap;
    }

    /** kafka://host:port/topic */
    public String url(String topic) {
        return "kafka://" + bootstrap + "/" + topic;
    }

    /** kafka://host:port/topic of the TLS listener. */
    public String tlsUrl(String topic) {
        return "kafka://" + tlsBootstrap + "/" + topic;
    }

    /** Writes to {@code file} the client settings that reach the TLS listener, and returns it. */
    public Path tlsClientSettings(Path file) throws IOException {
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "security.protocol=SSL",
                        "ssl.truststore.type=PKCS12",
                        "ssl.truststore.location=" + trustStore,
                        "ssl.truststore.password=" + PASSWORD,
                        ""));
        return file;
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** Creates {@code topic} with {@code partitions} partitions. */
    public void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /** Sends each of {@code values} as one message, in order, to partition 0 of {@code topic}. */
    public void produce(String topic, List<String> values) throws Exception {
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, 0, null, value))
                        .get(30, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Every message of {@code topic}'s partition 0 from its beginning, waiting for at least one.
     */
    public List<ConsumerRecord<String, String>> consumeAll(String topic, int atLeast)
            throws Exception {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                long end = consumer.endOffsets(List.of(partition)).get(partition);
                if (records.size() >= atLeast && consumer.position(partition) >= end) {
                    break;
                }
            }
        }
        return records;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
