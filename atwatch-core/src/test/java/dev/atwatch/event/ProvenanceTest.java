package dev.atwatch.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProvenanceTest {

    @Test
    void aRecordAloneOnItsLineIsDescribedByFileAndLine() {
        Provenance where = new Provenance("Sysmon.xml", 3, 18, 4096);

        assertThat(where.describe()).isEqualTo("Sysmon.xml:18");
        assertThat(where.describeFully()).isEqualTo("Sysmon.xml:18 #3 @4096");
    }

    @Test
    void recordsSharingALineAlsoShowTheirNumberAndOffset() {
        Provenance where = new Provenance("one-line.xml", 2, 1, 1517).onSharedLine();

        assertThat(where.sharedLine()).isTrue();
        assertThat(where.describe()).isEqualTo("one-line.xml:1 #2 @1517");
        assertThat(where.onSharedLine()).isSameAs(where);
    }

    @Test
    void formatsWithoutLinesAreDescribedByRecordAndOffset() {
        assertThat(new Provenance("Security.evtx", 7, 0, 69632).describe())
                .isEqualTo("Security.evtx#7 @69632");
        assertThat(new Provenance("Security.evtx", 0, 0, 69632).describeFully())
                .isEqualTo("Security.evtx @69632");
        assertThat(new Provenance("-", 0, 4, -1).describeFully()).isEqualTo("-:4");
    }
}
