package dev.atwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HuntChainsTest {

    private static final Path WINDOWS = Path.of("..", "examples", "windows");
    private static final Path LINUX = Path.of("..", "examples", "linux");

    @Test
    void chainsFollowTheAlertsAndAlertsNameTheirChain() {
        CommandRun run =
                CommandRun.of(
                        "hunt",
                        "--chains",
                        "--format",
                        "csv",
                        WINDOWS.resolve("sysmon-at-cmd.xml").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] parts = run.out().split("\\r?\\n\\r?\\n", 2);
        assertThat(parts).hasSize(2);
        List<String> alerts = Arrays.asList(parts[0].split("\\R"));
        assertThat(alerts.get(0)).startsWith("rule,").endsWith(",source,chain");
        assertThat(alerts)
                .filteredOn(line -> line.contains("at  13:20 /interactive cmd"))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).endsWith(",C1"));
        List<String> chains = Arrays.asList(parts[1].strip().split("\\R"));
        assertThat(chains)
                .containsExactly(
                        "chain,host,created,command,registered,executed,status,note",
                        "C1,WS-FIN-014.kestrel.lan,2026-03-10T13:05:10Z,cmd,"
                                + "2026-03-10T13:05:10Z At1.job,2026-03-10T13:20:00Z cmd,complete,",
                        "C2,WS-FIN-014.kestrel.lan,2026-03-10T13:09:11Z,cmd.exe /c whoami,"
                                + "2026-03-10T13:09:11Z At2.job,,partial (no execution),"
                                + "the input ends before the predicted run");
        assertThat(run.err()).contains("chains: 1 complete, 1 partial");
    }

    @Test
    void linuxChainsInJsonLines() {
        CommandRun run =
                CommandRun.of(
                        "hunt",
                        "--chains",
                        "--quiet",
                        "--format",
                        "jsonl",
                        LINUX.resolve("test4-at-job").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "{\"chain\":\"C1\",\"host\":\"web01\","
                                + "\"created\":\"2026-12-03T18:31:02Z\"");
        assertThat(run.out()).contains("\"executed\":\"2026-12-03T18:32:00Z sh\"");
        assertThat(run.out()).contains("\"status\":\"complete\"");
    }

    @Test
    void withoutChainsThereIsNoChainColumn() {
        CommandRun run =
                CommandRun.of(
                        "hunt", "--format", "csv", WINDOWS.resolve("sysmon-at-cmd.xml").toString());

        assertThat(run.out()).doesNotContain(",chain").doesNotContain("C1,");
    }

    @Test
    void chainLimitsAreSetWithLimit() {
        CommandRun run =
                CommandRun.of(
                        "hunt",
                        "--chains",
                        "--limit",
                        "chain-candidates=2",
                        "--format",
                        "csv",
                        WINDOWS.resolve("sysmon-at-cmd.xml").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("raise it with --limit chain-candidates=N");
    }

    @Test
    void badChainLimitIsAUsageError() {
        CommandRun run =
                CommandRun.of(
                        "hunt",
                        "--chains",
                        "--limit",
                        "chain-open-jobs=0",
                        WINDOWS.resolve("sysmon-at-cmd.xml").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("chain-open-jobs must be at least 1, not 0");
    }
}
