package dev.atwatch.flink;

/** An alert on its way to the alerts topic: its rule (the message key) and its JSON object. */
public class AlertMessage {

    public String rule;

    public String json;

    public AlertMessage() {}

    public AlertMessage(String rule, String json) {
        this.rule = rule;
        this.json = json;
    }

    @Override
    public String toString() {
        return json;
    }
}
