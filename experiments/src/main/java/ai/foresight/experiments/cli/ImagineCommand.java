package ai.foresight.experiments.cli;

import ai.djl.ndarray.NDManager;
import ai.foresight.datasets.store.Dataset;
import ai.foresight.experiments.imagine.EpisodeImagination;
import ai.foresight.experiments.imagine.ImagineReport;
import ai.foresight.experiments.imagine.ImaginedEpisode;
import ai.foresight.experiments.job.JobCommand;
import ai.foresight.experiments.job.JobConsole;
import ai.foresight.experiments.job.JobResult;
import ai.foresight.experiments.pipeline.TrainedModel;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code foresight imagine}: a recorded episode imagined open loop by a trained model, drawn beside the real frames. */
@Command(name = "imagine", mixinStandardHelpOptions = true,
        description = {"Imagine a recorded episode with a trained world model, open loop from its first frames:",
                "a GIF of real | imagined (decoded) | decoder-on-real frames with the per-step latent error under it."})
public final class ImagineCommand extends JobCommand {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Trained model directory (from 'foresight train').")
    private Path model;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Dataset directory holding the episode.")
    private Path data;

    @Option(names = "--episode", required = true, paramLabel = "I", description = "Episode index.")
    private int episode;

    @Option(names = "--start", paramLabel = "T", defaultValue = "0", description = "First context frame (default: ${DEFAULT-VALUE}).")
    private int start;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "0",
            description = "Frame steps to imagine; 0 = as many as the episode allows (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the pictures (default: MODEL/imagine).")
    private Path out;

    @Override
    protected void validate() {
        requireAtLeast("--episode", episode, 0);
        requireAtLeast("--start", start, 0);
        requireAtLeast("--steps", steps, 0);
    }

    @Override
    protected JobResult run(JobConsole console) throws Exception {
        Dataset dataset = Dataset.open(data);
        if (episode >= dataset.size()) {
            throw badFlag("--episode", "0.." + (dataset.size() - 1) + " (the dataset has " + dataset.size() + " episodes)", episode);
        }
        var recorded = dataset.episode(episode);
        if (start >= recorded.length()) {
            throw badFlag("--start", "0.." + (recorded.length() - 1) + " (the episode has " + recorded.length() + " frames)", start);
        }
        try (NDManager manager = NDManager.newBaseManager("PyTorch"); TrainedModel trained = TrainedModel.load(model, manager)) {
            if (!trained.world().equals(dataset.manifest().world())) {
                console.warn("the model was trained on '%s' but the episode comes from '%s'", trained.world(),
                        dataset.manifest().world());
            }
            EpisodeImagination imagination;
            try {
                imagination = new EpisodeImagination(trained.encoder(), trained.worldModel(), trained.normalization());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(model + ": " + e.getMessage(), e);
            }
            int max = imagination.maxSteps(recorded, start);
            if (max == 0) {
                throw badFlag("--start", "a frame at least " + (trained.worldModel().config().predictor().historyFrames()
                        * trained.worldModel().config().predictor().frameskip()) + " frames before the episode's end", start);
            }
            if (steps > max) {
                throw badFlag("--steps", "0.." + max + " for this episode from frame " + start, steps);
            }
            int run = steps == 0 ? max : steps;
            ImaginedEpisode imagined = imagination.imagine(recorded, start, run, manager);
            ImagineReport.Written written = new ImagineReport(ImagineReport.Options.defaults())
                    .write(imagined, outputDirectory(), "episode-" + episode);
            double[] error = imagined.latentError();
            double[] baseline = imagined.copyLastError();
            console.say("Episode %d of %s imagined %d frame steps from frames %s (model %s):", episode, data, run,
                    Arrays.toString(imagined.contextFrames()), model);
            console.say("  latent MSE, first step %.4g, last %.4g (copy-last-frame baseline %.4g, %.4g)",
                    error[0], error[run - 1], baseline[0], baseline[run - 1]);
            console.say("  animation   %s", written.gif());
            console.say("  error chart %s", written.chart());
            return new JobResult()
                    .put("model", model)
                    .put("dataset", data)
                    .put("episode", episode)
                    .put("steps", run)
                    .put("context_frames", Arrays.stream(imagined.contextFrames()).boxed().toList())
                    .put("target_frames", Arrays.stream(imagined.targetFrames()).boxed().toList())
                    .put("latent_mse", Arrays.stream(error).boxed().toList())
                    .put("copy_last_mse", Arrays.stream(baseline).boxed().toList())
                    .put("mean_latent_mse", Arrays.stream(error).average().orElseThrow())
                    .put("mean_copy_last_mse", Arrays.stream(baseline).average().orElseThrow())
                    .put("gif", written.gif())
                    .put("error_chart", written.chart())
                    .put("gif_frames", written.frames());
        }
    }

    @Override
    protected Path outputDirectory() {
        return out != null ? out : model.resolve("imagine");
    }
}
