package dev.atwatch.read.auditd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.read.FieldLiterals;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditScreenTest {

    private static final String SYSCALL =
            "type=SYSCALL msg=audit(1700000000.123:42): arch=c000003e syscall=59 success=yes"
                    + " ppid=1 pid=2 uid=1000 euid=0 comm=\"at\" exe=\"/usr/bin/at\" key=(null)";

    private static final String EXECVE =
            "type=EXECVE msg=audit(1700000000.123:42): argc=3 a0=\"at\" a1=\"now\" a2=\"+1\"";

    @Test
    void recordExaminedOnAnotherThreadScreensAsIfExaminedHere() {
        AuditScreen screen = AuditScreen.of(literals("exe", "/usr/bin/at"));
        AuditScreen reader = screen.forAnotherThread();
        List<AuditRecord> passing = records(SYSCALL, EXECVE);
        List<AuditRecord> failing = records(SYSCALL.replace("/usr/bin/at", "/usr/bin/ls"));
        passing.forEach(reader::examine);
        failing.forEach(reader::examine);

        assertThat(screen.mayPass(passing)).isTrue();
        assertThat(screen.mayPass(failing)).isFalse();
    }

    @Test
    void findingsOfAnotherScreenAreNotTrusted() {
        AuditScreen byExe = AuditScreen.of(literals("exe", "/usr/bin/at"));
        AuditScreen byArgument = AuditScreen.of(literals("a1", "now"));
        List<AuditRecord> event = records(SYSCALL, EXECVE);
        event.forEach(byExe::examine); // numbers keys its own way: exe is its key 0

        assertThat(byArgument.mayPass(event)).isTrue();
        assertThat(byExe.mayPass(event)).isTrue();
        assertThat(AuditScreen.of(literals("a1", "later")).mayPass(event)).isFalse();
    }

    @Test
    void aRecordTypeLiteralIsFoundThroughTheExaminedType() {
        AuditScreen screen = AuditScreen.of(literals("type", "execve"));
        AuditScreen reader = screen.forAnotherThread();
        List<AuditRecord> withExecve = records(SYSCALL, EXECVE);
        List<AuditRecord> without = records(SYSCALL);
        withExecve.forEach(reader::examine);
        without.forEach(reader::examine);

        assertThat(screen.mayPass(withExecve)).isTrue();
        assertThat(screen.mayPass(without)).isFalse();
    }

    private static FieldLiterals literals(String field, String text) {
        return new FieldLiterals(List.of(List.of(new FieldLiterals.Literal(Set.of(field), text))));
    }

    private static List<AuditRecord> records(String... lines) {
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            RecordHeaderParser.Result result = RecordHeaderParser.parse(lines[i], i + 1, 0);
            records.add(((RecordHeaderParser.Parsed) result).record());
        }
        return records;
    }
}
