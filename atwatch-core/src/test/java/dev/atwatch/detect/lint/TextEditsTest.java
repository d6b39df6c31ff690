package dev.atwatch.detect.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.spl.ast.Span;
import org.junit.jupiter.api.Test;

class TextEditsTest {

    @Test
    void editsApplyTogetherAndKeepTheRestOfTheText() {
        TextEdits edits = new TextEdits("a  b\n  c");

        edits.replace(new Span(0, 1), "A");
        edits.replace(new Span(7, 8), "C");

        assertThat(edits.apply()).isEqualTo("A  b\n  C");
    }

    @Test
    void overlappingEditIsRefused() {
        TextEdits edits = new TextEdits("abcdef");

        assertThat(edits.replace(new Span(1, 4), "X")).isTrue();
        assertThat(edits.replace(new Span(3, 5), "Y")).isFalse();
        assertThat(edits.replace(new Span(4, 5), "Z")).isTrue();
        assertThat(edits.apply()).isEqualTo("aXZf");
    }

    @Test
    void takeAppliesTheInnerEditsSoAnOuterEditCanWrapThem() {
        TextEdits edits = new TextEdits("x LIKE y");
        edits.replace(new Span(0, 1), "f(x)");

        String left = edits.take(new Span(0, 1));
        edits.replace(new Span(0, 8), "g(" + left + ")");

        assertThat(edits.apply()).isEqualTo("g(f(x))");
    }
}
