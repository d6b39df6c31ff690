package dev.atwatch.spl;

import static dev.atwatch.spl.Runs.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.Event;
import dev.atwatch.event.FieldAliases;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Portable semantics: aliases in search terms and eval reads, and how their effect is counted. */
class PortableSemanticsTest {

    private static final Event CLASSIC =
            event(
                    "New_Process_Name",
                    "C:\\Windows\\at.exe",
                    "Account_Name",
                    List.of("alice", "-"),
                    "sourcetype",
                    "WinEventLog",
                    "source",
                    "WinEventLog:Security");

    @Test
    void searchTermReadsAnAliasWhenTheFieldIsAbsent() {
        assertThat(Runs.count("NewProcessName=*\\\\at.exe", CLASSIC)).isZero();
        Results results = Runs.portable("NewProcessName=*\\\\at.exe", CLASSIC);
        assertThat(results.rows()).hasSize(1);
        assertThat(results.aliasHits())
                .containsExactly(Map.entry("NewProcessName<-New_Process_Name", 1L));
    }

    @Test
    void presentFieldWinsOverItsAliases() {
        Event both = event("NewProcessName", "C:\\x.exe", "New_Process_Name", "C:\\at.exe");
        Results results = Runs.portable("NewProcessName=*at.exe", both);
        assertThat(results.rows()).isEmpty();
        assertThat(results.aliasHits()).isEmpty();
    }

    @Test
    void aliasThatChangesNothingIsNotCounted() {
        Results results =
                Runs.portable("NewProcessName=*cmd.exe OR New_Process_Name=*at.exe", CLASSIC);
        assertThat(results.rows()).hasSize(1);
        assertThat(results.aliasHits()).isEmpty();
    }

    @Test
    void aliasThatTurnsNotIntoFalseIsCounted() {
        Results results = Runs.portable("NOT NewProcessName=*at.exe", CLASSIC);
        assertThat(results.rows()).isEmpty();
        assertThat(results.aliasHits()).containsEntry("NewProcessName<-New_Process_Name", 1L);
    }

    @Test
    void evalReadsAliasesAndTakesTheFirstAccountName() {
        Results results =
                Runs.portable(
                        "| eval u=SubjectUserName, i=lower(NewProcessName), n=nothing", CLASSIC);
        assertThat(results.rows().get(0).text("u")).isEqualTo("alice");
        assertThat(results.rows().get(0).text("i")).isEqualTo("c:\\windows\\at.exe");
        assertThat(results.aliasHits())
                .containsOnlyKeys(
                        "SubjectUserName<-Account_Name", "NewProcessName<-New_Process_Name");
        assertThat(Runs.run("| eval u=SubjectUserName", CLASSIC).rows().get(0).get("u")).isNull();
    }

    @Test
    void eachAliasIsCountedOncePerEvent() {
        Results results =
                Runs.portable(
                        "| eval a=NewProcessName, b=NewProcessName"
                                + " | where NewProcessName LIKE \"%exe\"",
                        CLASSIC, CLASSIC);
        assertThat(results.aliasHits()).containsEntry("NewProcessName<-New_Process_Name", 2L);
    }

    /** A Security 4688 event in XML shape: NewProcessName, no Image. */
    private static final Event XML_4688 =
            event("EventCode", "4688", "NewProcessName", "C:\\Windows\\System32\\at.exe");

    private static final Map.Entry<String, Long> IMAGE_ONCE =
            Map.entry("Image<-NewProcessName", 1L);

    @Test
    void anEvalThatFindsTheSameValueWithoutTheAliasIsNotCounted() {
        String query = "EventCode=4688 | eval Image=coalesce(Image, NewProcessName) | table Image";

        Results portable = Runs.portable(query, XML_4688);

        assertThat(portable.rows())
                .extracting(Row::asMap)
                .isEqualTo(Runs.run(query, XML_4688).rows().stream().map(Row::asMap).toList());
        assertThat(portable.aliasHits()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "| eval x=Image | table x",
                "| eval x=lower(Image) | table NewProcessName, x",
                "| eval x=if(isnull(Image), \"none\", \"some\") | table x",
                "| eval a=Image | eval b=a | table b",
                "| eval x=Image | rename x AS y | table y",
                "Image=*at.exe | eval x=Image | table x",
                "| eval x=Image | search x=*at.exe | table NewProcessName",
                "| where isnotnull(Image)",
                "| eval x=Image | stats count by x",
                "| eval x=Image | stats values(x) AS images",
            })
    void anAliasIsCountedOnceWhenTheResultWouldDifferWithoutIt(String query) {
        Results portable = Runs.portable(query, XML_4688);

        assertThat(portable.aliasHits()).containsExactly(IMAGE_ONCE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "| eval x=Image | table NewProcessName",
                "| eval x=Image | fields - x",
                "| eval x=Image | eval x=NewProcessName | table x",
                "| eval x=coalesce(Image, NewProcessName) | table x",
                "| where isnotnull(Image) OR isnotnull(NewProcessName)",
                "| eval x=Image | search NewProcessName=*at.exe | table NewProcessName",
                "| eval x=Image | stats count",
                "NewProcessName=*at.exe OR Image=*at.exe | table NewProcessName",
            })
    void anAliasWhoseValueDoesNotReachTheResultIsNotCounted(String query) {
        Results portable = Runs.portable(query, XML_4688);

        assertThat(portable.aliasHits()).isEmpty();
    }

    @Test
    void eachEventAnAliasChangedCountsOnce() {
        Event other = event("EventCode", "4688", "NewProcessName", "C:\\Windows\\cmd.exe");
        Event native_ = event("EventCode", "1", "Image", "C:\\Windows\\at.exe");

        Results results =
                Runs.portable(
                        "| eval x=Image, y=Image | where like(x, \"%.exe\") | table x, y",
                        XML_4688, other, native_);

        assertThat(results.rows()).hasSize(3);
        assertThat(results.aliasHits()).containsExactly(Map.entry("Image<-NewProcessName", 2L));
    }

    @Test
    void sourcetypeMatchesEquivalentNamesAndTheChannelInSource() {
        Event xml = event("sourcetype", "XmlWinEventLog:Security");
        Event ta8 = event("sourcetype", "WinEventLog", "source", "WinEventLog:Security");
        Event ta8Xml = event("sourcetype", "XmlWinEventLog", "source", "XmlWinEventLog:Security");
        Event sysmon =
                event(
                        "sourcetype",
                        "XmlWinEventLog",
                        "source",
                        "XmlWinEventLog:Microsoft-Windows-Sysmon/Operational");
        for (Event event : List.of(xml, ta8, ta8Xml)) {
            assertThat(Runs.portable("sourcetype=\"WinEventLog:Security\"", event).rows())
                    .hasSize(1);
            assertThat(Runs.count("sourcetype=\"WinEventLog:Security\"", event)).isZero();
            assertThat(Runs.portable("sourcetype!=\"WinEventLog:Security\"", event).rows())
                    .isEmpty();
        }
        assertThat(Runs.portable("sourcetype=\"WinEventLog:Security\"", sysmon).rows()).isEmpty();
        assertThat(Runs.portable("sourcetype=\"*Sysmon*\"", sysmon).rows()).hasSize(1);
        assertThat(Runs.portable("sourcetype=\"WinEventLog:Security\"", ta8).aliasHits())
                .containsOnlyKeys("sourcetype WinEventLog:Security<-WinEventLog");
    }

    @Test
    void filterIsThreadSafeAndUsesTheSameAliases() throws InterruptedException {
        Query query = Runs.compile("NewProcessName=*\\\\at.exe");
        EventFilter filter = query.filter(ExecutionOptions.portable(FieldAliases.bundled()));
        boolean[] results = new boolean[4];
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int index = t;
            threads[t] =
                    new Thread(
                            () -> {
                                boolean all = true;
                                for (int i = 0; i < 10_000; i++) {
                                    all &= filter.test(CLASSIC);
                                }
                                results[index] = all;
                            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(results).containsOnly(true);
        assertThat(query.filter(ExecutionOptions.splunk()).test(CLASSIC)).isFalse();
    }
}
