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
import ai.foresight.encoders.catalog.Encoders;
import ai.foresight.experiments.evaluate.EvalSpec;
import ai.foresight.experiments.evaluate.PlanningEvaluation;
import ai.foresight.experiments.eval.EvaluationSummary;
import ai.foresight.experiments.pipeline.ModelTraining;
import ai.foresight.experiments.pipeline.TrainSpec;
import ai.foresight.experiments.pipeline.TrainedModel;
import ai.foresight.experiments.pipeline.TrainingOutcome;
import ai.foresight.experiments.report.EpisodeReport;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code foresight quickstart}: the whole pipeline on a small Wall world, told step by step: record a
 * dataset, look at an episode, encode it with a frozen patch encoder and train a world model on the
 * features (DINO-WM mode), then reach goal images with MPC + CEM inside the model on fixed-budget
 * start/goal pairs and write the report. {@code --fast} shrinks every step for a smoke run.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Run the Foresight pipeline end to end on a small Wall world (start here).")
public final class QuickstartCommand extends JobCommand {
    private static final String WORLD = "wall";
    private static final int SIZE = 64;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/quickstart",
            description = "Where everything goes (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--episodes", paramLabel = "N", defaultValue = "200", description = "Episodes to record (default: ${DEFAULT-VALUE}).")
    private int episodes;

    @Option(names = "--steps", paramLabel = "T", defaultValue = "50", description = "Steps per episode (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--encoder", paramLabel = "NAME",
            description = "Frozen encoder: 'default' (the shipped DINO checkpoint), 'random-default', a folder or a .pt file "
                    + "(default: 'default' when shipped, else 'random-default').")
    private String encoder;

    @Option(names = "--train-steps", paramLabel = "N", defaultValue = "0",
            description = "World-model optimiser steps, 0 for the preset's default (default: ${DEFAULT-VALUE}).")
    private int trainSteps;

    @Option(names = "--pairs", paramLabel = "N", defaultValue = "20", description = "Start/goal pairs to evaluate (default: ${DEFAULT-VALUE}).")
    private int pairs;

    @Option(names = "--fast", description = "Tiny model, tiny encoder, few pairs and a small planner: checks the plumbing in about a minute.")
    private boolean fast;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Master seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    protected void validate() {
        requireAtLeast("--episodes", episodes, 1);
        requireAtLeast("--steps", steps, 2);
        requireAtLeast("--pairs", pairs, 1);
        requireAtLeast("--train-steps", trainSteps, 0);
    }

    private String encoderName() {
        if (encoder != null) {
            return encoder;
        }
        if (fast) {
            return "random-tiny";
        }
        return Encoders.hasDefault() ? Encoders.DEFAULT : "random-default";
    }

    @Override
    protected JobResult run(JobConsole console) throws Exception {
        long start = System.nanoTime();
        Narrative story = new Narrative(console, 4);
        Path datasetDir = out.resolve("dataset");
        int episodes = fast ? Math.min(this.episodes, 8) : this.episodes;

        DatasetManifest manifest = story.step(
                "Record " + episodes + " episodes x " + steps + " steps of the Wall world (" + SIZE + " px)", () ->
                        Progress.track(console, "generate " + WORLD, episodes, "episodes", progress ->
                                DatasetGenerator.generate(new GenerateSpec(WORLD, episodes, steps, SIZE, List.of(), seed),
                                        datasetDir, progress)));

        EpisodeReport.Written pictures = story.step("Look at episode 0", () ->
                new EpisodeReport(EpisodeReport.Options.defaults())
                        .write(Dataset.open(datasetDir).episode(0), out.resolve("show"), "episode-0"));

        String encoderName = encoderName();
        if (!fast && encoder == null && !Encoders.hasDefault()) {
            console.say("Note: no shipped DINO encoder in this build; using a seeded random-init ViT ('random-default').");
        }
        TrainSpec trainSpec = new TrainSpec(fast ? "tiny" : WORLD, "dino-wm", encoderName, fast ? 30 : trainSteps, 0, seed);
        Path modelDir = out.resolve("model");
        TrainingOutcome trained = story.step("Encode the frames with '" + encoderName + "' (frozen) and train the "
                + trainSpec.preset() + " world model", () -> ModelTraining.run(trainSpec, datasetDir, modelDir,
                        ModelTraining.Events.NONE));
        console.say("  validation 1-step feature MSE %.5f vs copy-last %.5f (%.1fx lower)",
                trained.evaluation().oneStepMse(), trained.evaluation().oneStepCopyLastMse(),
                1 / trained.evaluation().oneStepRatio());

        EvalSpec evalSpec = fast
                ? EvalSpec.defaults(WORLD).withPairs(Math.min(pairs, 2)).withBudget(10, 32, 2)
                : EvalSpec.defaults(WORLD).withPairs(pairs);
        Path reportDir = out.resolve("eval");
        PlanningEvaluation.Outcome evaluation = story.step("Reach " + evalSpec.pairs()
                + " goal images with MPC + CEM inside the model (fixed budget, the simulator is never queried)", () -> {
                    try (NDManager manager = NDManager.newBaseManager(); TrainedModel model = TrainedModel.load(modelDir, manager)) {
                        return Progress.track(console, "evaluate", evalSpec.pairs(), "pairs",
                                progress -> PlanningEvaluation.run(model, evalSpec, reportDir, progress));
                    }
                });
        EvaluationSummary summary = evaluation.summary();

        double seconds = (System.nanoTime() - start) / 1e9;
        console.say("");
        console.say("Success %d/%d = %.2f (95%% CI [%.2f, %.2f]), %.3f s per plan (median). Done in %.0f s.",
                summary.successes(), summary.pairs(), summary.successRate(), summary.interval().low(),
                summary.interval().high(), summary.planSecondsMedian(), seconds);
        console.say("Where things are:");
        console.say("  report         %s", evaluation.report());
        console.say("  model          %s", modelDir);
        console.say("  dataset        %s", datasetDir);
        console.say("  animation      %s", pictures.gif());
        console.say("  summary        %s", out.resolve("result.json"));
        return new JobResult()
                .put("world", WORLD)
                .put("episodes", manifest.episodes())
                .put("frames", (long) manifest.episodes() * manifest.steps())
                .put("dataset", datasetDir)
                .put("gif", pictures.gif())
                .put("contact_sheet", pictures.contactSheet())
                .put("encoder", encoderName)
                .put("val_one_step_mse", trained.evaluation().oneStepMse())
                .put("copy_last_mse", trained.evaluation().oneStepCopyLastMse())
                .put("model_dir", modelDir)
                .put("success_rate", summary.successRate())
                .put("success_ci95_low", summary.interval().low())
                .put("success_ci95_high", summary.interval().high())
                .put("plan_seconds_median", summary.planSecondsMedian())
                .put("report", evaluation.report())
                .put("seconds", seconds);
    }

    @Override
    protected Path outputDirectory() {
        return out;
    }
}
