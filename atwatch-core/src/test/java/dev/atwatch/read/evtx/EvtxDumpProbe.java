package dev.atwatch.read.evtx;

import dev.atwatch.read.ReadOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EvtxDumpProbe {
    @Test
    void dump() throws Exception {
        String f = System.getProperty("probe.file");
        if (f == null) return;
        String grep = System.getProperty("probe.grep", "");
        CollectingSink sink = new CollectingSink();
        EvtxSummary s = new EvtxReader().scan(Inputs.file(Path.of(f)), ReadOptions.DEFAULTS, sink);
        System.out.println(s);
        sink.events.stream()
                .filter(e -> e.raw().contains(grep))
                .limit(2)
                .forEach(e -> System.out.println(e.raw()));
        sink.rejected.stream().limit(10).forEach(System.out::println);
    }
}
