package ai.foresight.experiments.cli;

import ai.foresight.datasets.generate.DatasetGenerator;
import ai.foresight.datasets.generate.GenerateSpec;
import ai.foresight.datasets.store.DatasetManifest;
import ai.foresight.datasets.worlds.Worlds;
import ai.foresight.experiments.job.JobCommand;
import ai.foresight.experiments.job.JobConsole;
import ai.foresight.experiments.job.JobResult;
import ai.foresight.experiments.job.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code foresight generate}: roll a world's data-collection policy and store the episodes (frames,
 * actions, proprio, states) as a dataset directory, optionally with distractors over the frames.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Record episodes of a built-in world into a dataset directory.")
public final class GenerateCommand extends JobCommand {
    /** Distractor and shift ids {@link GenerateSpec} accepts. */
    static final List<String> DISTRACTORS = List.of("shapes", "texture", "tv", "color-shift", "lighting");

    @Option(names = "--world", required = true, paramLabel = "WORLD", completionCandidates = WorldIds.class,
            description = "World to record: ${COMPLETION-CANDIDATES}.")
    private String world;

    @Option(names = "--episodes", required = true, paramLabel = "N", description = "Number of episodes.")
    private int episodes;

    @Option(names = "--steps", required = true, paramLabel = "T", description = "Steps per episode (at least 2).")
    private int steps;

    @Option(names = "--size", paramLabel = "PX", defaultValue = "64",
            description = "Frame height and width in pixels, 16..512 (default: ${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--distractor", paramLabel = "ID", split = ",",
            description = "Distractors or shifts over the frames, comma-separated: shapes, texture, tv, "
                    + "color-shift, lighting (default: none).")
    private List<String> distractors = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Master seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Dataset directory to write.")
    private Path out;

    @Override
    protected void validate() {
        requireOneOf("--world", world, Worlds.ids());
        requireAtLeast("--episodes", episodes, 1);
        requireAtLeast("--steps", steps, 2);
        if (size < 16 || size > 512) {
            throw badFlag("--size", "16..512 pixels", size);
        }
        for (String distractor : distractors) {
            requireOneOf("--distractor", distractor, DISTRACTORS);
        }
    }

    @Override
    protected JobResult run(JobConsole console) throws Exception {
        GenerateSpec spec = new GenerateSpec(world, episodes, steps, size, distractors, seed);
        long start = System.nanoTime();
        DatasetManifest manifest = Progress.track(console, "generate " + world, episodes, "episodes",
                progress -> DatasetGenerator.generate(spec, out, progress));
        double seconds = (System.nanoTime() - start) / 1e9;
        long frames = (long) manifest.episodes() * manifest.steps();
        console.say("Wrote %d episodes x %d steps of %s (%dx%d px%s) to %s in %.1f s (%.0f frames/s)",
                manifest.episodes(), manifest.steps(), manifest.world(), manifest.height(), manifest.width(),
                distractors.isEmpty() ? "" : ", distractors " + String.join(",", distractors), out, seconds,
                frames / seconds);
        return new JobResult()
                .put("world", manifest.world())
                .put("episodes", manifest.episodes())
                .put("steps", manifest.steps())
                .put("frames", frames)
                .put("size", manifest.height())
                .put("distractors", List.copyOf(distractors))
                .put("seconds", seconds)
                .put("frames_per_second", frames / seconds)
                .put("out", out);
    }

    @Override
    protected Path outputDirectory() {
        return out;
    }
}
