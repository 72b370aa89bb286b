package ai.foresight.experiments.cli;

import ai.djl.ndarray.NDManager;
import ai.foresight.datasets.generate.DatasetGenerator;
import ai.foresight.datasets.generate.GenerateSpec;
import ai.foresight.datasets.store.Dataset;
import ai.foresight.datasets.store.Episode;
import ai.foresight.datasets.store.DatasetManifest;
import ai.foresight.datasets.window.EpisodeSplit;
import ai.foresight.encoders.catalog.Encoders;
import ai.foresight.experiments.evaluate.EvalSpec;
import ai.foresight.experiments.imagine.EpisodeImagination;
import ai.foresight.experiments.imagine.ImagineReport;
import ai.foresight.experiments.imagine.ImaginedEpisode;
import ai.foresight.experiments.job.JobCommand;
import ai.foresight.experiments.job.JobConsole;
import ai.foresight.experiments.job.JobResult;
import ai.foresight.experiments.job.Narrative;
import ai.foresight.experiments.job.Progress;
import ai.foresight.experiments.pipeline.ModelTraining;
import ai.foresight.experiments.pipeline.TrainSpec;
import ai.foresight.experiments.pipeline.TrainedModel;
import ai.foresight.experiments.pipeline.TrainingOutcome;
import ai.foresight.experiments.report.EpisodeReport;
import ai.foresight.planner.agent.AgentConfig;
import ai.foresight.planner.agent.PlannerKind;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code foresight quickstart}: the whole pipeline on the Wall world, told step by step: record a dataset,
 * look at an episode, encode every frame with the frozen encoder, train a world model on the features, plan
 * to unseen goals with MPC + CEM under the fixed-budget protocol, and write the report. Sized to finish
 * within 15 minutes on two cores; {@code --fast} runs the same story on tiny settings in well under a minute.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Run the Foresight pipeline end to end on the Wall world (start here).")
public final class QuickstartCommand extends JobCommand {
    private static final String WORLD = "wall";

    /** Every size of one quickstart run. */
    record Sizes(int frameSize, int episodes, int steps, String encoder, String preset, int trainSteps, int pairs, int budget,
            int horizon, int samples, int iterations) {

        /** The real run (see the experiments README for its measured time). */
        static Sizes full() {
            return new Sizes(64, 1000, 50, Encoders.hasDefault() ? Encoders.DEFAULT : "random-default", "wall", 6000, 20, 0, 5, 0, 0);
        }

        /** The smoke-test run: a 32 px world, the untrained tiny encoder, the tiny predictor, a small search. */
        static Sizes fast() {
            return new Sizes(32, 6, 16, "random-tiny", "tiny", 30, 2, 8, 2, 16, 2);
        }
    }

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/quickstart",
            description = "Where everything goes (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--fast", description = "Tiny settings (a minute or less): checks the pipeline, learns little.")
    private boolean fast;

    @Option(names = "--episodes", paramLabel = "N", defaultValue = "0", description = "Episodes to record (default: 1000; --fast 6).")
    private int episodes;

    @Option(names = "--steps", paramLabel = "T", defaultValue = "0", description = "Steps per episode (default: 50; --fast 16).")
    private int steps;

    @Option(names = "--encoder", paramLabel = "NAME",
            description = "Frozen encoder (default: the shipped 'default' when this build has it, else 'random-default'; "
                    + "--fast random-tiny).")
    private String encoder;

    @Option(names = "--train-steps", paramLabel = "N", defaultValue = "0",
            description = "World-model optimiser steps (default: 6000; --fast 30).")
    private int trainSteps;

    @Option(names = "--pairs", paramLabel = "N", defaultValue = "0", description = "Start/goal pairs evaluated (default: 20; --fast 2).")
    private int pairs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Master seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    protected void validate() {
        requireAtLeast("--episodes", episodes, 0);
        requireAtLeast("--steps", steps, 0);
        requireAtLeast("--train-steps", trainSteps, 0);
        requireAtLeast("--pairs", pairs, 0);
        if (episodes == 1) {
            throw badFlag("--episodes", "at least 2 (one is held out for validation)", episodes);
        }
    }

    private Sizes sizes() {
        Sizes base = fast ? Sizes.fast() : Sizes.full();
        return new Sizes(base.frameSize(), episodes > 0 ? episodes : base.episodes(), steps > 0 ? steps : base.steps(),
                encoder != null ? encoder : base.encoder(), base.preset(), trainSteps > 0 ? trainSteps : base.trainSteps(),
                pairs > 0 ? pairs : base.pairs(), base.budget(), base.horizon(), base.samples(), base.iterations());
    }

    @Override
    protected JobResult run(JobConsole console) throws Exception {
        long start = System.nanoTime();
        Sizes s = sizes();
        if (!fast && encoder == null && !Encoders.hasDefault()) {
            console.say("Note: this build ships no pretrained encoder; using a seeded random-init ViT ('random-default').");
        }
        Narrative story = new Narrative(console, 6);
        Path datasetDir = out.resolve("dataset");
        Path modelDir = out.resolve("model");
        Path reportDir = out.resolve("report");

        DatasetManifest manifest = story.step(
                "Record " + s.episodes() + " episodes x " + s.steps() + " steps of the Wall world (" + s.frameSize() + " px)", () ->
                        Progress.track(console, "generate " + WORLD, s.episodes(), "episodes", progress ->
                                DatasetGenerator.generate(new GenerateSpec(WORLD, s.episodes(), s.steps(), s.frameSize(), List.of(), seed),
                                        datasetDir, progress)));

        EpisodeReport.Written pictures = story.step("Look at episode 0", () ->
                new EpisodeReport(EpisodeReport.Options.defaults())
                        .write(Dataset.open(datasetDir).episode(0), out.resolve("show"), "episode-0"));

        ModelTraining.Encoded encoded = story.step("Encode every frame with the frozen '" + s.encoder() + "' encoder", () -> {
            Progress[] bar = new Progress[1];
            try {
                return ModelTraining.encode(s.encoder(), datasetDir, new ModelTraining.Events() {
                    @Override
                    public void encodingStarts(int total) {
                        bar[0] = Progress.start(console, "encode", total, "episodes");
                    }

                    @Override
                    public void encoded(int done, int total) {
                        bar[0].accept(done);
                    }
                });
            } finally {
                if (bar[0] != null) {
                    bar[0].close();
                }
            }
        });
        console.say("      %d frames -> %s%s", encoded.frames(), encoded.directory(), encoded.reused() ? " (reused)" : "");

        TrainSpec trainSpec = new TrainSpec(s.preset(), "dino-wm", s.encoder(), s.trainSteps(), 0, seed).withPixelDecoder(true);
        TrainingOutcome trained = story.step("Train the " + s.preset() + " world model for " + s.trainSteps() + " steps", () ->
                TrainCommand.train(console, trainSpec, datasetDir, modelDir));
        console.say("      validation 1-step MSE %.5f vs copy-last %.5f (ratio %.3f)", trained.evaluation().oneStepMse(),
                trained.evaluation().oneStepCopyLastMse(), trained.evaluation().oneStepRatio());

        int shown = EpisodeSplit.of(manifest.episodes(), ModelTraining.VALIDATION_FRACTION, seed).validation().get(0);
        ImagineReport.Written imagined = story.step("Imagine validation episode " + shown + " open loop and draw it beside the real one",
                () -> imagine(datasetDir, shown, modelDir, out.resolve("imagine")));

        EvalSpec evalSpec = new EvalSpec(WORLD, PlannerKind.CEM, s.pairs(), s.budget(), false, s.horizon(), s.samples(),
                s.iterations(), seed, Math.min(4, s.pairs()), AgentConfig.DEFAULT_DISCOUNT, 0, false, -1);
        JobResult evaluation = story.step("Plan to " + s.pairs() + " unseen goals with MPC + CEM and write the report", () -> {
            try (NDManager manager = NDManager.newBaseManager(); TrainedModel model = TrainedModel.load(modelDir, manager)) {
                return EvalCommand.evaluate(console, model, evalSpec, reportDir);
            }
        });

        double seconds = (System.nanoTime() - start) / 1e9;
        console.say("");
        console.say("Done in %.1f s. Success rate %.2f on %d pairs (95%% CI [%.2f, %.2f]).", seconds,
                (double) evaluation.get("success_rate"), s.pairs(), (double) evaluation.get("success_ci95_low"),
                (double) evaluation.get("success_ci95_high"));
        console.say("Where things are:");
        console.say("  report         %s", evaluation.get("report"));
        console.say("  model          %s", modelDir);
        console.say("  dataset        %s", datasetDir);
        console.say("  animation      %s", pictures.gif());
        console.say("  imagined       %s (real | imagined | decoder on real)", imagined.gif());
        console.say("  summary        %s", out.resolve("result.json"));
        console.say("Next: ./foresight eval --model %s --planner icem", modelDir);
        return new JobResult()
                .put("world", WORLD)
                .put("episodes", manifest.episodes())
                .put("frames", (long) manifest.episodes() * manifest.steps())
                .put("dataset", datasetDir)
                .put("gif", pictures.gif())
                .put("contact_sheet", pictures.contactSheet())
                .put("imagined_gif", imagined.gif())
                .put("val_one_step_mse", trained.evaluation().oneStepMse())
                .put("copy_last_mse", trained.evaluation().oneStepCopyLastMse())
                .put("success_rate", evaluation.get("success_rate"))
                .put("success_ci95_low", evaluation.get("success_ci95_low"))
                .put("success_ci95_high", evaluation.get("success_ci95_high"))
                .put("plan_seconds_median", evaluation.get("plan_seconds_median"))
                .put("model_dir", modelDir)
                .put("report", evaluation.get("report"))
                .put("seconds", seconds);
    }

    /** Decoded open-loop imagination of one recorded episode beside the real frames (GIF and error chart). */
    private static ImagineReport.Written imagine(Path datasetDir, int episode, Path modelDir, Path outDir) throws Exception {
        Episode recorded = Dataset.open(datasetDir).episode(episode);
        try (NDManager manager = NDManager.newBaseManager("PyTorch"); TrainedModel model = TrainedModel.load(modelDir, manager)) {
            EpisodeImagination imagination = new EpisodeImagination(model.encoder(), model.worldModel(), model.normalization());
            ImaginedEpisode imagined = imagination.imagine(recorded, 0, imagination.maxSteps(recorded, 0), manager);
            return new ImagineReport(ImagineReport.Options.defaults()).write(imagined, outDir, "episode-" + episode);
        }
    }

    @Override
    protected Path outputDirectory() {
        return out;
    }
}
