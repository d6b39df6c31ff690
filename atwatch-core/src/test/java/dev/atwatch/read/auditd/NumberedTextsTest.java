package dev.atwatch.read.auditd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberedTextsTest {

    private static List<String> entries(NumberedTexts texts) {
        texts.settle();
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            entries.add(texts.key(i) + "=" + texts.text(i));
        }
        return entries;
    }

    @Test
    void keysGivenInOrderComeBackAsGiven() {
        NumberedTexts texts = new NumberedTexts();
        texts.put(0, "at");
        texts.put(1, "now");
        texts.put(5, "+1");

        assertThat(entries(texts)).containsExactly("0=at", "1=now", "5=+1");
    }

    @Test
    void keysOutOfOrderAreSortedAndTheLastTextOfAKeyWins() {
        NumberedTexts texts = new NumberedTexts();
        texts.put(3, "c");
        texts.put(1, "a");
        texts.put(3, "c2");
        texts.put(-2, "minus");
        texts.put(1, "a2");
        texts.put(2, "b");

        assertThat(entries(texts)).containsExactly("-2=minus", "1=a2", "2=b", "3=c2");
    }

    @Test
    void growsPastItsFirstSizeAndStartsAfreshWhenCleared() {
        NumberedTexts texts = new NumberedTexts();
        for (int i = 40; i > 0; i--) {
            texts.put(i, "t" + i);
        }
        assertThat(entries(texts)).hasSize(40).startsWith("1=t1").endsWith("40=t40");

        texts.clear();
        assertThat(texts.isEmpty()).isTrue();
        texts.put(7, "again");
        assertThat(entries(texts)).containsExactly("7=again");
    }
}
