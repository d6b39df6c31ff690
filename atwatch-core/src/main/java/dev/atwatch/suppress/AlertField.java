package dev.atwatch.suppress;

import dev.atwatch.event.FieldValue;
import dev.atwatch.event.Fields;
import java.util.List;

/**
 * The alert values a suppression can test, each with the field names under which the different log
 * shapes carry it. This is the one place that names them: the first name present in an alert is the
 * one tested, so an alert with both {@code User} and {@code SubjectUserName} is judged by {@code
 * User}, as the detection's {@code coalesce} would have it.
 */
public enum AlertField {
    HOST("host", List.of("host", "Computer", "ComputerName", "hostname", "dest")),
    USER("user", List.of("User", "user", "SubjectUserName", "Account_Name", "UserName", "auid")),
    PARENT(
            "parent",
            List.of(
                    "ParentImage",
                    "ParentProcessName",
                    "Creator_Process_Name",
                    "parent_process_path",
                    "parent_process_name",
                    "parent_process")),
    COMMAND(
            "command",
            List.of(
                    "CommandLine",
                    "Process_Command_Line",
                    "ProcessCommandLine",
                    "process",
                    "proctitle",
                    "COMMAND")),
    RULE("rule", List.of("rule", "rule_id", "search_name"));

    private final String key;
    private final List<String> names;

    AlertField(String key, List<String> names) {
        this.key = key;
        this.names = names;
    }

    /** The key that names this criterion in a suppression file. */
    public String key() {
        return key;
    }

    /** The alert field names tried, in order. */
    public List<String> names() {
        return names;
    }

    /** The criterion whose file key is {@code key}, or {@code null}. */
    public static AlertField byKey(String key) {
        for (AlertField field : values()) {
            if (field.key.equals(key)) {
                return field;
            }
        }
        return null;
    }

    /** The values of the first of {@link #names()} present in {@code alert}, or an empty list. */
    public List<String> valuesIn(Fields alert) {
        for (String name : names) {
            FieldValue value = alert.get(name);
            if (value != null) {
                return value.strings();
            }
        }
        return List.of();
    }
}
