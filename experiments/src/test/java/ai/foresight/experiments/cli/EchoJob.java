package ai.foresight.experiments.cli;

import ai.foresight.experiments.job.JobCommand;
import ai.foresight.experiments.job.JobConsole;
import ai.foresight.experiments.job.JobResult;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A job that reports its own settings, to test the plumbing every job shares. */
@Command(name = "echo", mixinStandardHelpOptions = true, description = "Report the resolved settings.")
final class EchoJob extends JobCommand {
    @Option(names = "--count", defaultValue = "1")
    int count;

    @Option(names = "--names", split = ",", defaultValue = "a")
    List<String> names;

    @Option(names = "--out")
    Path out;

    @Option(names = "--shout")
    boolean shout;

    @Option(names = "--fail")
    boolean fail;

    @Override
    protected void validate() {
        requireAtLeast("--count", count, 0);
    }

    @Override
    protected JobResult run(JobConsole console) {
        console.say("echo: count %d", count);
        console.detail("echo: details");
        if (fail) {
            throw new IllegalStateException("echo failed on purpose");
        }
        return new JobResult().put("count", count).put("names", names).put("shout", shout).put("out", out);
    }

    @Override
    protected Path outputDirectory() {
        return out;
    }
}
