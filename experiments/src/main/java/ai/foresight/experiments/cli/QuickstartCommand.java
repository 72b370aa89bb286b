package ai.foresight.experiments.cli;

import ai.foresight.datasets.generate.DatasetGenerator;
import ai.foresight.datasets.generate.GenerateSpec;
import ai.foresight.datasets.store.Dataset;
import ai.foresight.datasets.store.DatasetManifest;
import ai.foresight.experiments.job.JobCommand;
import ai.foresight.experiments.job.JobConsole;
import ai.foresight.experiments.job.JobResult;
import ai.foresight.experiments.job.Narrative;
import ai.foresight.experiments.job.Progress;
import ai.foresight.experiments.report.EpisodeReport;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code foresight quickstart}: the whole pipeline on a small Wall world, told step by step. Today
 * the story is: record a dataset, look at an episode. Encoding, training a world model, planning
 * and evaluation join as further steps once those modules land.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Run the Foresight pipeline end to end on a small Wall world (start here).")
public final class QuickstartCommand extends JobCommand {
    private static final String WORLD = "wall";
    private static final int SIZE = 64;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/quickstart",
            description = "Where everything goes (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--episodes", paramLabel = "N", defaultValue = "20", description = "Episodes to record (default: ${DEFAULT-VALUE}).")
    private int episodes;

    @Option(names = "--steps", paramLabel = "T", defaultValue = "50", description = "Steps per episode (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Master seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    protected void validate() {
        requireAtLeast("--episodes", episodes, 1);
        requireAtLeast("--steps", steps, 2);
    }

    @Override
    protected JobResult run(JobConsole console) throws Exception {
        long start = System.nanoTime();
        Narrative story = new Narrative(console, 2);
        Path datasetDir = out.resolve("dataset");

        DatasetManifest manifest = story.step(
                "Record " + episodes + " episodes x " + steps + " steps of the Wall world (" + SIZE + " px)", () ->
                        Progress.track(console, "generate " + WORLD, episodes, "episodes", progress ->
                                DatasetGenerator.generate(new GenerateSpec(WORLD, episodes, steps, SIZE, List.of(), seed),
                                        datasetDir, progress)));

        EpisodeReport.Written pictures = story.step("Look at episode 0", () ->
                new EpisodeReport(EpisodeReport.Options.defaults())
                        .write(Dataset.open(datasetDir).episode(0), out.resolve("show"), "episode-0"));

        double seconds = (System.nanoTime() - start) / 1e9;
        console.say("");
        console.say("Done in %.1f s. Where things are:", seconds);
        console.say("  dataset        %s", datasetDir);
        console.say("  animation      %s", pictures.gif());
        console.say("  contact sheet  %s", pictures.contactSheet());
        console.say("  summary        %s", out.resolve("result.json"));
        console.say("Next: ./foresight show %s --episode 1", datasetDir);
        return new JobResult()
                .put("world", WORLD)
                .put("episodes", manifest.episodes())
                .put("frames", (long) manifest.episodes() * manifest.steps())
                .put("dataset", datasetDir)
                .put("gif", pictures.gif())
                .put("contact_sheet", pictures.contactSheet())
                .put("seconds", seconds);
    }

    @Override
    protected Path outputDirectory() {
        return out;
    }
}
