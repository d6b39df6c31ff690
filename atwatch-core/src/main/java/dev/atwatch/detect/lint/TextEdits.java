package dev.atwatch.detect.lint;

import dev.atwatch.spl.ast.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replacements of ranges of a query text, applied together so that everything the user wrote
 * outside them (layout, quoting, comments of spacing) stays as it was.
 *
 * <p>Edits never overlap: an edit that overlaps one already recorded is refused. An outer rewrite
 * takes the text of its operands with {@link #take}, which applies and consumes the edits inside.
 */
final class TextEdits {

    private record Edit(int start, int end, String replacement) {}

    private final String text;
    private final List<Edit> edits = new ArrayList<>();

    TextEdits(String text) {
        this.text = text;
    }

    /** Replaces {@code [start, end)}; returns false (and changes nothing) when it overlaps. */
    boolean replace(int start, int end, String replacement) {
        for (Edit edit : edits) {
            boolean bothInserts = start == end && edit.start == edit.end && start == edit.start;
            if (bothInserts || (start < edit.end && edit.start < end)) {
                return false;
            }
        }
        edits.add(new Edit(start, end, replacement));
        return true;
    }

    boolean replace(Span span, String replacement) {
        return replace(span.start(), span.end(), replacement);
    }

    /** The text of {@code span} with the edits inside it applied; those edits are consumed. */
    String take(Span span) {
        return take(span.start(), span.end());
    }

    private String take(int start, int end) {
        List<Edit> inside = new ArrayList<>();
        for (Edit edit : edits) {
            if (edit.start >= start && edit.end <= end) {
                inside.add(edit);
            }
        }
        edits.removeAll(inside);
        inside.sort(Comparator.comparingInt(Edit::start));
        StringBuilder out = new StringBuilder();
        int at = start;
        for (Edit edit : inside) {
            out.append(text, at, edit.start).append(edit.replacement);
            at = edit.end;
        }
        return out.append(text, at, end).toString();
    }

    /** Whether any edit is recorded. */
    boolean isEmpty() {
        return edits.isEmpty();
    }

    /** The whole text with every edit applied. */
    String apply() {
        return take(0, text.length());
    }
}
