package dev.atwatch.flink;

import dev.atwatch.detect.CompiledRule;
import dev.atwatch.detect.Detector;
import dev.atwatch.detect.RulePack;
import dev.atwatch.detect.RulePackException;
import dev.atwatch.follow.Durations;
import dev.atwatch.kafka.KafkaClientConfig;
import dev.atwatch.kafka.KafkaTopic;
import dev.atwatch.spl.Macros;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The atwatch Flink job: log records from Kafka topics, keyed by host and searched by the rule pack
 * ({@link HostSearch}), each new alert written to a Kafka topic as a JSON object keyed by its rule.
 *
 * <pre>
 * flink run atwatch-flink.jar \
 *     --source kafka://kafka1:9092/auditd --source kafka://kafka1:9092/syslog \
 *     --alerts kafka://kafka1:9092/atwatch-alerts [--interval 10s] [--span 60s] [--from-start] \
 *     [--rules /etc/atwatch/rules] [--semantics portable|splunk] \
 *     [--kafka-config client.properties]
 * </pre>
 */
public final class AtwatchJob {

    /** How far out of order records may arrive in time. */
    static final Duration LATENESS = Duration.ofSeconds(1);

    private AtwatchJob() {}

    public static void main(String[] args) throws Exception {
        JobSettings settings;
        try {
            settings = settings(args);
        } catch (IllegalArgumentException e) {
            System.err.println("atwatch-flink: " + e.getMessage());
            System.err.println(
                    "usage: --source kafka://HOST:PORT/TOPIC [--source ...] --alerts"
                            + " kafka://HOST:PORT/TOPIC [--interval 10s] [--span 60s]"
                            + " [--from-start] [--rules PATH] [--semantics portable|splunk]"
                            + " [--kafka-config FILE]");
            System.exit(2);
            return;
        }
        String problem = ruleProblem(settings);
        if (problem != null) {
            System.err.println("atwatch-flink: " + problem);
            System.exit(2);
            return;
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DataStream<LogRecord> records = kafkaSources(env, settings, false);
        search(records, settings)
                .sinkTo(kafkaSink(settings.alerts(), settings.kafkaClient()))
                .name("alerts");
        env.execute("atwatch");
    }

    /**
     * Why the rule pack cannot run (it does not load, or a search does not parse), checked before
     * the job is submitted; {@code null} when it can.
     */
    static String ruleProblem(JobSettings settings) {
        RulePack pack;
        try {
            pack =
                    settings.rules() == null
                            ? RulePack.bundled()
                            : RulePack.load(Path.of(settings.rules()));
        } catch (RulePackException e) {
            return e.getMessage();
        }
        for (CompiledRule rule : Detector.compile(pack.rules(), Macros.NONE)) {
            if (!rule.ok()) {
                return "the search of "
                        + rule.rule().origin()
                        + " does not parse"
                        + (rule.diagnostics().isEmpty()
                                ? ""
                                : ": " + rule.diagnostics().get(0).render(rule.rule().search()));
            }
        }
        return null;
    }

    /** The settings the command line gives. */
    static JobSettings settings(String[] args) {
        List<String> sources = new ArrayList<>();
        String alerts = null;
        long interval = 10_000;
        long span = 60_000;
        boolean fromStart = false;
        String rules = null;
        String semantics = "portable";
        Map<String, String> kafkaClient = Map.of();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--from-start" -> fromStart = true;
                case "--source" -> sources.add(address(value(args, ++i, arg)));
                case "--alerts" -> alerts = address(value(args, ++i, arg));
                case "--interval" -> interval = Durations.millis(value(args, ++i, arg));
                case "--span" -> span = Durations.millis(value(args, ++i, arg));
                case "--rules" -> rules = value(args, ++i, arg);
                case "--semantics" -> semantics = value(args, ++i, arg);
                case "--kafka-config" -> kafkaClient = kafkaClient(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        if (sources.isEmpty() || alerts == null) {
            throw new IllegalArgumentException("--source and --alerts are needed");
        }
        if (!semantics.equals("portable") && !semantics.equals("splunk")) {
            throw new IllegalArgumentException("--semantics is portable or splunk: " + semantics);
        }
        return new JobSettings(
                sources, alerts, interval, span, fromStart, rules, semantics, kafkaClient);
    }

    /**
     * The client settings of a properties file, as the command line's --kafka-config reads them.
     */
    private static Map<String, String> kafkaClient(String file) {
        Properties settings;
        try {
            settings = KafkaClientConfig.load(Path.of(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --kafka-config " + file + ": " + e);
        }
        Map<String, String> values = new TreeMap<>();
        settings.stringPropertyNames()
                .forEach(name -> values.put(name, settings.getProperty(name)));
        return values;
    }

    private static Properties properties(Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
        return properties;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** {@code text} if it is a Kafka address. */
    private static String address(String text) {
        KafkaTopic.parse(text);
        return text;
    }

    /**
     * The records of every source topic, timed by their Kafka timestamps; {@code bounded} stops at
     * the topics' current ends (for tests and replays).
     */
    static DataStream<LogRecord> kafkaSources(
            StreamExecutionEnvironment env, JobSettings settings, boolean bounded) {
        DataStream<LogRecord> all = null;
        for (String source : settings.sources()) {
            KafkaTopic topic = KafkaTopic.parse(source);
            var builder =
                    KafkaSource.<LogRecord>builder()
                            .setBootstrapServers(topic.bootstrap())
                            .setTopics(topic.topic())
                            .setGroupId("atwatch")
                            .setStartingOffsets(
                                    settings.fromStart()
                                            ? OffsetsInitializer.earliest()
                                            : OffsetsInitializer.latest())
                            .setDeserializer(new Records(source))
                            .setProperties(properties(settings.kafkaClient()));
            if (bounded) {
                builder.setBounded(OffsetsInitializer.latest());
            }
            DataStream<LogRecord> stream =
                    env.fromSource(builder.build(), watermarks(settings), source);
            all = all == null ? stream : all.union(stream);
        }
        return all;
    }

    /** The job's time: {@link ArrivalWatermarks}, the clock taking over after one interval. */
    static WatermarkStrategy<LogRecord> watermarks(JobSettings settings) {
        long interval = settings.intervalMillis();
        return WatermarkStrategy.<LogRecord>forGenerator(
                        context ->
                                new ArrivalWatermarks(
                                        LATENESS.toMillis(), interval, System::currentTimeMillis))
                .withTimestampAssigner((record, previous) -> record.arrived);
    }

    /** Each record with its host, keyed by host, searched: the alerts. */
    static DataStream<AlertMessage> search(DataStream<LogRecord> records, JobSettings settings) {
        return records.map(new WithHost())
                .name("host")
                .keyBy(record -> record.host)
                .process(new HostSearch(settings))
                .name("rules");
    }

    /** The alerts topic: at least once, each alert keyed by its rule. */
    static KafkaSink<AlertMessage> kafkaSink(String alerts, Map<String, String> kafkaClient) {
        KafkaTopic topic = KafkaTopic.parse(alerts);
        return KafkaSink.<AlertMessage>builder()
                .setBootstrapServers(topic.bootstrap())
                .setRecordSerializer(
                        KafkaRecordSerializationSchema.<AlertMessage>builder()
                                .setTopic(topic.topic())
                                .setKeySerializationSchema(new RuleBytes())
                                .setValueSerializationSchema(new JsonBytes())
                                .build())
                .setKafkaProducerConfig(properties(kafkaClient))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }

    /** An alert's message key: its rule. */
    private static final class RuleBytes implements SerializationSchema<AlertMessage> {
        @Override
        public byte[] serialize(AlertMessage alert) {
            return alert.rule.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** An alert's message value: its JSON object. */
    private static final class JsonBytes implements SerializationSchema<AlertMessage> {
        @Override
        public byte[] serialize(AlertMessage alert) {
            return alert.json.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A Kafka message as a log record of {@code source}. */
    private static final class Records implements KafkaRecordDeserializationSchema<LogRecord> {
        private final String source;

        Records(String source) {
            this.source = source;
        }

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> message, Collector<LogRecord> out) {
            if (message.value() != null) {
                out.collect(
                        new LogRecord(
                                source,
                                message.partition(),
                                message.offset(),
                                message.timestamp(),
                                new String(message.value(), StandardCharsets.UTF_8)));
            }
        }

        @Override
        public TypeInformation<LogRecord> getProducedType() {
            return TypeInformation.of(LogRecord.class);
        }
    }

    /** Sets each record's host. */
    private static final class WithHost
            extends org.apache.flink.api.common.functions.RichMapFunction<LogRecord, LogRecord> {
        private transient RecordHosts hosts;

        @Override
        public void open(org.apache.flink.api.common.functions.OpenContext context) {
            hosts = new RecordHosts();
        }

        @Override
        public LogRecord map(LogRecord record) {
            record.host = hosts.hostOf(record.text);
            return record;
        }
    }
}
