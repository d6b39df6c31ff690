package dev.atwatch.detect.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReplayManifestTest {

    private static final Path DIR =
            Path.of("src", "test", "resources", "dev", "atwatch", "detect", "validate");

    @Test
    void readsSourcesWithExpectedRulesOrABlindReasonAndResolvesFilesBesideTheManifest()
            throws Exception {
        ReplayManifest manifest = ReplayManifest.load(DIR.resolve("valid.yaml"));

        assertThat(manifest.tests())
                .singleElement()
                .satisfies(
                        test -> {
                            assertThat(test.name()).isEqualTo("one source of each kind");
                            assertThat(test.chainExpected()).isTrue();
                            assertThat(test.sources()).hasSize(2);
                            TelemetrySource seen = test.sources().get(0);
                            assertThat(seen.expected())
                                    .containsExactly("win-at-exe-execution", "t1053-002-reference");
                            assertThat(seen.isBlind()).isFalse();
                            assertThat(seen.note()).isEqualTo("seen");
                            assertThat(seen.files())
                                    .containsExactly(
                                            DIR.resolve("events.xml").toAbsolutePath().normalize());
                            TelemetrySource blind = test.sources().get(1);
                            assertThat(blind.isBlind()).isTrue();
                            assertThat(blind.blind()).isEqualTo("no command line");
                        });
    }

    @Test
    void aSourceWithBothExpectAndBlindIsRefused() {
        assertThatThrownBy(() -> ReplayManifest.load(DIR.resolve("both-expect-and-blind.yaml")))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("either 'expect'");
    }

    @Test
    void aChainExpectationOtherThanCompleteIsRefused() {
        assertThatThrownBy(() -> ReplayManifest.load(DIR.resolve("bad-chain.yaml")))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("test 't1' has chain: 'partial'")
                .hasMessageContaining("the only value is 'complete'");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> ReplayManifest.load(DIR.resolve("missing-file.yaml")))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("no-such-events.xml")
                .hasMessageContaining("does not exist");
    }

    @Test
    void aTestIdUsedTwiceIsRefused() {
        assertThatThrownBy(() -> ReplayManifest.load(DIR.resolve("duplicate-test.yaml")))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("used twice");
    }

    @Test
    void aMissingManifestIsAManifestError() {
        assertThatThrownBy(() -> ReplayManifest.load(DIR.resolve("absent.yaml")))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("cannot read manifest");
    }
}
