package dev.atwatch.read.winxml;

import dev.atwatch.read.ReadLimits;
import java.util.HashMap;
import java.util.Map;

/**
 * The limits on one event's fields while it is parsed: how many fields it holds ({@link
 * ReadLimits#maxFieldsPerEvent()}) and how many values one name takes ({@link
 * ReadLimits#maxValuesPerField()}). One budget per event.
 */
final class FieldBudget {

    private final ReadLimits limits;
    private final Map<String, Integer> valuesPerName = new HashMap<>();

    FieldBudget(ReadLimits limits) {
        this.limits = limits;
    }

    /**
     * Counts one more value of {@code name}, the event then holding {@code fields} fields.
     *
     * @throws RecordException naming the limit exceeded
     */
    void count(String name, int fields) throws RecordException {
        if (fields > limits.maxFieldsPerEvent()) {
            throw new RecordException(
                    "limit." + ReadLimits.FIELDS_PER_EVENT,
                    ReadLimits.exceeded(
                            ReadLimits.FIELDS_PER_EVENT, fields, limits.maxFieldsPerEvent()));
        }
        int values = valuesPerName.merge(name, 1, Integer::sum);
        if (values > limits.maxValuesPerField()) {
            throw new RecordException(
                    "limit." + ReadLimits.VALUES_PER_FIELD,
                    ReadLimits.exceeded(
                                    ReadLimits.VALUES_PER_FIELD, values, limits.maxValuesPerField())
                            + " for field "
                            + name);
        }
    }
}
