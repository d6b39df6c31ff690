package dev.atwatch.read.auditd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.Event;
import dev.atwatch.event.FieldAliases;
import dev.atwatch.event.FieldValue;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.spl.CompileResult;
import dev.atwatch.spl.ExecutionOptions;
import dev.atwatch.spl.Query;
import dev.atwatch.spl.Spl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Soundness of the audit prefilter: for random audit logs, written in the shapes auditd writes
 * (quoted, bare and hex values, nested {@code msg='...'}, EXECVE arguments and their pieces,
 * PROCTITLE, the ENRICHED suffix, {@code ausearch -i} text), and searches built from the values the
 * reader really gives, every event the search accepts is still read when the run's prefilter is
 * applied, under both semantics.
 */
class AuditScreenPropertiesTest {

    private static final List<ExecutionOptions> MODES =
            List.of(ExecutionOptions.splunk(), ExecutionOptions.portable(FieldAliases.bundled()));

    /** Fields searches are built on, besides those of the events: aliases and derived fields. */
    private static final List<String> EXTRA_FIELDS =
            List.of("NewProcessName", "Process_Command_Line", "Image", "CommandLine", "User");

    private static final String VALUE_CHARS = "abAt/_.-x0 '\",\\*=:";

    @Property(tries = 400)
    void everyEventTheSearchAcceptsPassesThePrefilter(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        String log = random.nextInt(4) == 0 ? interpretedLog(random) : rawLog(random);
        List<Event> all = read(log, ReadOptions.DEFAULTS);
        boolean matched = false;
        for (int i = 0; i < 6; i++) {
            String search = search(random, all);
            CompileResult compiled = Spl.compile(search);
            assertThat(compiled.errors()).as(search).isEmpty();
            matched |= check(compiled.query().orElseThrow(), log, all);
        }
        Statistics.label("some event matched").collect(matched);
        Statistics.label("some event matched").coverage(c -> c.check(true).percentage(p -> p > 30));
    }

    /** Checks one search in both modes; true when it accepted some event. */
    private static boolean check(Query query, String log, List<Event> all) throws IOException {
        boolean matched = false;
        for (ExecutionOptions options : MODES) {
            Set<Long> accepted = new TreeSet<>();
            for (Event event : all) {
                if (query.filter(options).test(event)) {
                    accepted.add(event.provenance().record());
                }
            }
            matched |= !accepted.isEmpty();
            ReadOptions filtered = ReadOptions.DEFAULTS.withFilter(query.prefilter(options));
            Set<Long> kept = new TreeSet<>();
            read(log, filtered).forEach(event -> kept.add(event.provenance().record()));
            assertThat(kept)
                    .as("%s (%s) on%n%s", query.text(), options.semantics(), log)
                    .containsAll(accepted);
        }
        return matched;
    }

    private static List<Event> read(String log, ReadOptions options) throws IOException {
        CollectingSink sink = new CollectingSink();
        new AuditdReader().read(MemoryInput.of("property.log", log), options, sink);
        return sink.events;
    }

    // ---- searches built from what the reader gives

    private static String search(Random random, List<Event> events) {
        int terms = 1 + random.nextInt(3);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < terms; i++) {
            String part = comparison(random, events);
            if (random.nextInt(6) == 0) {
                part = "NOT " + part;
            } else if (random.nextInt(4) == 0) {
                part = "(" + part + " OR " + comparison(random, events) + ")";
            }
            parts.add(part);
        }
        return String.join(" ", parts);
    }

    private static String comparison(Random random, List<Event> events) {
        Event event = events.isEmpty() ? null : events.get(random.nextInt(events.size()));
        List<String> names = new ArrayList<>(EXTRA_FIELDS);
        if (event != null) {
            event.names().forEach(names::add);
        }
        String field = names.get(random.nextInt(names.size()));
        String value = valueOf(event, field, random);
        if (field.startsWith("_") || field.equals("source") || random.nextInt(8) == 0) {
            return quote("*" + fragment(random, value) + "*"); // a bare term against _raw
        }
        return field + "=" + quote(pattern(random, value));
    }

    private static String valueOf(Event event, String field, Random random) {
        FieldValue value = event == null ? null : event.get(field);
        if (value == null) {
            return randomText(random, 1 + random.nextInt(6));
        }
        List<String> values = value.strings();
        return values.get(random.nextInt(values.size()));
    }

    /** The whole value, or a piece of it between wildcards, in a random case. */
    private static String pattern(Random random, String value) {
        String cased = random.nextBoolean() ? swapCase(value) : value;
        return switch (random.nextInt(4)) {
            case 0 -> cased;
            case 1 -> "*" + fragment(random, cased) + "*";
            case 2 -> fragment(random, cased) + "*";
            default -> "*" + fragment(random, cased);
        };
    }

    private static String fragment(Random random, String value) {
        if (value.length() <= 1) {
            return value;
        }
        int start = random.nextInt(value.length());
        int end = start + 1 + random.nextInt(value.length() - start);
        return value.substring(start, end);
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String swapCase(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            out.append(
                    Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return out.toString();
    }

    // ---- raw audit logs

    private static String rawLog(Random random) {
        StringBuilder log = new StringBuilder();
        int events = 1 + random.nextInt(4);
        for (int e = 0; e < events; e++) {
            long serial = 100 + e;
            String stamp = "1796301061." + (100 + e) + ":" + serial;
            String node = random.nextInt(4) == 0 ? "node=host-" + e + " " : "";
            List<String> args = arguments(random);
            line(log, node, "SYSCALL", stamp, syscallBody(random, args.get(0)));
            if (random.nextBoolean()) {
                line(log, node, "EXECVE", stamp, execveBody(random, args));
            }
            if (random.nextBoolean()) {
                line(log, node, "PATH", stamp, "item=0 name=" + encoded(random, path(random)));
            }
            if (random.nextInt(3) == 0) {
                line(log, node, "USER_CMD", stamp, userBody(random));
            }
            if (random.nextBoolean()) {
                String title = String.join("\0", args);
                line(log, node, "PROCTITLE", stamp, "proctitle=" + hex(title));
            }
            line(log, node, "EOE", stamp, "");
        }
        return log.toString();
    }

    private static void line(
            StringBuilder log, String node, String type, String stamp, String body) {
        log.append(node).append("type=").append(type).append(" msg=audit(").append(stamp);
        log.append("):").append(body.isEmpty() ? "" : " " + body).append('\n');
    }

    private static String syscallBody(Random random, String program) {
        StringBuilder body = new StringBuilder("arch=c000003e syscall=");
        body.append(random.nextBoolean() ? "59" : "2").append(" success=yes");
        body.append(" ppid=")
                .append(random.nextInt(5000))
                .append(" pid=")
                .append(random.nextInt(5000));
        body.append(" auid=").append(random.nextBoolean() ? "1000" : "4294967295");
        body.append(" uid=").append(random.nextBoolean() ? "0" : "1000");
        body.append(" euid=0 tty=").append(random.nextBoolean() ? "pts0" : "(none)");
        body.append(" new-ses=").append(random.nextInt(9));
        body.append(" comm=").append(encoded(random, program));
        body.append(" exe=").append(encoded(random, "/usr/bin/" + program));
        body.append(" key=").append(random.nextBoolean() ? "(null)" : encoded(random, "at_usage"));
        if (random.nextInt(5) == 0) {
            body.append(" host=").append(randomText(random, 4));
        }
        if (random.nextInt(4) == 0) {
            body.append('\u001d').append("ARCH=x86_64 SYSCALL=execve AUID=\"alice\" UID=\"root\"");
        }
        return body.toString();
    }

    private static String execveBody(Random random, List<String> args) {
        StringBuilder body = new StringBuilder("argc=").append(args.size());
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (random.nextInt(6) == 0 && arg.length() > 2) {
                int cut = arg.length() / 2;
                body.append(" a").append(i).append("_len=").append(arg.length());
                body.append(" a").append(i).append("[0]=").append(hex(arg.substring(0, cut)));
                body.append(" a").append(i).append("[1]=").append(hex(arg.substring(cut)));
            } else {
                body.append(" a").append(i).append('=').append(encoded(random, arg));
            }
        }
        return body.toString();
    }

    private static String userBody(Random random) {
        String acct = random.nextBoolean() ? "root" : "alice";
        return "pid=4242 uid=1000 auid=1000 msg='cwd=\"/home/alice\" cmd="
                + hex("at now " + randomText(random, 3))
                + " terminal=pts/0 acct=\""
                + acct
                + "\" res=success'";
    }

    /** A value as auditd writes it: quoted when it can be, else hex; sometimes hex anyway. */
    private static String encoded(Random random, String value) {
        boolean plain = !value.isEmpty() && value.chars().allMatch(c -> c > ' ' && c != '"');
        if (plain && random.nextInt(3) > 0) {
            return "\"" + value + "\"";
        }
        return hex(value);
    }

    private static String hex(String value) {
        return HexFormat.of().withUpperCase().formatHex(value.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> arguments(Random random) {
        List<String> args = new ArrayList<>();
        args.add(random.nextBoolean() ? "at" : randomText(random, 3));
        int more = random.nextInt(4);
        for (int i = 0; i < more; i++) {
            args.add(random.nextBoolean() ? "now" : randomText(random, 1 + random.nextInt(8)));
        }
        return args;
    }

    private static String path(Random random) {
        return random.nextBoolean()
                ? "/var/spool/cron/atjobs/a0000" + random.nextInt(10)
                : "/tmp/" + randomText(random, 5);
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(VALUE_CHARS.charAt(random.nextInt(VALUE_CHARS.length())));
        }
        return text.toString();
    }

    // ---- ausearch -i text

    private static String interpretedLog(Random random) {
        StringBuilder log = new StringBuilder();
        int events = 1 + random.nextInt(3);
        for (int e = 0; e < events; e++) {
            String stamp = "12/04/2026 10:00:0" + e + ".123:" + (300 + e);
            List<String> args = arguments(random);
            log.append("----\n");
            log.append("type=PROCTITLE msg=audit(").append(stamp).append(") : proctitle=");
            log.append(String.join(" ", args)).append('\n');
            log.append("type=EXECVE msg=audit(").append(stamp).append(") : argc=");
            log.append(args.size());
            for (int i = 0; i < args.size(); i++) {
                log.append(" a").append(i).append('=').append(args.get(i));
            }
            log.append('\n');
            log.append("type=SYSCALL msg=audit(").append(stamp).append(") : arch=x86_64");
            log.append(" syscall=execve success=yes ppid=1 pid=2 auid=alice uid=root");
            log.append(" comm=").append(args.get(0)).append(" exe=/usr/bin/");
            log.append(args.get(0).toLowerCase(Locale.ROOT)).append(" key=at_usage\n");
        }
        return log.toString();
    }
}
