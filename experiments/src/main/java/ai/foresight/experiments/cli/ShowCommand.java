package ai.foresight.experiments.cli;

import ai.foresight.datasets.store.Dataset;
import ai.foresight.experiments.job.JobCommand;
import ai.foresight.experiments.job.JobConsole;
import ai.foresight.experiments.job.JobResult;
import ai.foresight.experiments.report.EpisodeReport;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code foresight show}: look at a recorded episode as a looping GIF and a contact sheet (observed
 * | clean side by side when the dataset stores clean frames).
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Write an animated GIF and a contact sheet of one episode of a dataset.")
public final class ShowCommand extends JobCommand {

    @Parameters(paramLabel = "DIR", description = "Dataset directory (as written by 'foresight generate').")
    private Path dir;

    @Option(names = "--episode", paramLabel = "I", defaultValue = "0", description = "Episode index (default: ${DEFAULT-VALUE}).")
    private int episode;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the pictures (default: DIR/show).")
    private Path out;

    @Override
    protected void validate() {
        requireAtLeast("--episode", episode, 0);
    }

    @Override
    protected JobResult run(JobConsole console) throws Exception {
        Dataset dataset = Dataset.open(dir);
        if (episode >= dataset.size()) {
            throw badFlag("--episode", "0.." + (dataset.size() - 1) + " (the dataset has " + dataset.size() + " episodes)", episode);
        }
        EpisodeReport.Written written = new EpisodeReport(EpisodeReport.Options.defaults())
                .write(dataset.episode(episode), outputDirectory(), "episode-" + episode);
        console.say("Episode %d of %s (%s, %d steps%s):", episode, dir, dataset.manifest().world(), written.frames(),
                written.cleanShown() ? ", observed | clean" : "");
        console.say("  animation      %s", written.gif());
        console.say("  contact sheet  %s (%d tiles, %s)", written.contactSheet(), written.tiles(),
                written.stride() == 1 ? "every step" : "one every " + written.stride() + " steps");
        return new JobResult()
                .put("dataset", dir)
                .put("world", dataset.manifest().world())
                .put("episode", episode)
                .put("frames", written.frames())
                .put("clean_shown", written.cleanShown())
                .put("gif", written.gif())
                .put("contact_sheet", written.contactSheet())
                .put("sheet_stride", written.stride());
    }

    @Override
    protected Path outputDirectory() {
        return out != null ? out : dir.resolve("show");
    }
}
