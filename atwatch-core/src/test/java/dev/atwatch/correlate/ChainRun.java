package dev.atwatch.correlate;

import dev.atwatch.detect.Detector;
import dev.atwatch.detect.RunListener;
import dev.atwatch.detect.TimeRange;
import dev.atwatch.event.Profile;
import dev.atwatch.read.Input;
import dev.atwatch.read.Inputs;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.Readers;
import dev.atwatch.spl.ExecutionOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the detector with no rule and a correlator over files, as {@code hunt --chains} does. */
final class ChainRun {

    static final Path EXAMPLES = Path.of("..", "examples");

    private ChainRun() {}

    static ChainReport of(ChainLimits limits, Path... paths) throws Exception {
        List<String> names = new ArrayList<>();
        for (Path path : paths) {
            names.add(path.toString());
        }
        List<Input> inputs = Inputs.expand(names);
        Detector detector =
                new Detector(
                        List.of(),
                        ExecutionOptions.splunk(),
                        Profile.TA_WINDOWS_LEGACY,
                        TimeRange.ALL,
                        2,
                        new Readers(Readers.all()));
        Correlator correlator = new Correlator(limits);
        detector.run(inputs, ReadOptions.DEFAULTS, RunListener.NONE, correlator);
        return correlator.finish();
    }

    static ChainReport of(Path... paths) throws Exception {
        return of(ChainLimits.DEFAULTS, paths);
    }

    /** One line per chain, for failure messages. */
    static String describe(ChainReport report) {
        StringBuilder text = new StringBuilder();
        for (Chain chain : report.chains()) {
            text.append(chain.id())
                    .append(' ')
                    .append(chain.host())
                    .append(' ')
                    .append(chain.status())
                    .append(" job=")
                    .append(chain.job().get("JobCommand"))
                    .append(" created=")
                    .append(line(chain.creation()))
                    .append(" registered=")
                    .append(line(chain.registration()))
                    .append(" executed=")
                    .append(line(chain.execution()))
                    .append(" note=")
                    .append(chain.note())
                    .append('\n');
        }
        return text.toString();
    }

    private static String line(Observation o) {
        return o == null
                ? "-"
                : o.kind() + "@" + (long) o.time() + "[" + o.commandLine() + "|" + o.detail() + "]";
    }
}
