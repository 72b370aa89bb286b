package ai.foresight.experiments.cli;

import ai.foresight.experiments.bench.MatmulBenchmark;
import ai.foresight.experiments.job.JobCommand;
import ai.foresight.experiments.job.JobConsole;
import ai.foresight.experiments.job.JobResult;
import ai.foresight.experiments.job.Progress;
import ai.foresight.experiments.pipeline.ModelTraining;
import ai.foresight.experiments.pipeline.TrainSpec;
import ai.foresight.experiments.pipeline.TrainingOutcome;
import ai.foresight.experiments.pipeline.TrainingThroughput;
import ai.foresight.worldmodel.WorldModelConfig;
import ai.foresight.worldmodel.train.Evaluation;
import ai.foresight.worldmodel.train.TrainerConfig;
import ai.foresight.worldmodel.train.TrainingProgress;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code foresight train}: a world model from a recorded dataset. Encodes the frames once with the frozen
 * encoder (reusing the dataset's feature cache), trains the preset, checks it against copying the last
 * frame, and writes a model directory that {@code foresight eval} and the planning server load.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a world model on a dataset's frozen encoder features.")
public final class TrainCommand extends JobCommand {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Dataset directory (from 'foresight generate').")
    private Path data;

    @Option(names = "--encoder", paramLabel = "NAME", defaultValue = "default",
            description = "Frozen encoder: default, random-tiny, random-default, or an encoder folder (default: ${DEFAULT-VALUE}).")
    private String encoder;

    @Option(names = "--preset", paramLabel = "P", defaultValue = "wall",
            description = "World-model preset: tiny, wall, pointmaze, pusht (default: ${DEFAULT-VALUE}).")
    private String preset;

    @Option(names = "--mode", paramLabel = "M", defaultValue = "dino-wm",
            description = "dino-wm (predict the frozen features) or repo (latent bottleneck) (default: ${DEFAULT-VALUE}).")
    private String mode;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "0",
            description = "Optimiser steps (default: the preset's, 60 for tiny, 3000 otherwise).")
    private int steps;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "0", description = "Windows per step (default: the preset's).")
    private int batch;

    @Option(names = "--lr", paramLabel = "LR", defaultValue = "0",
            description = "Peak learning rate (default: the preset's, 5e-4; 3e-3 for tiny).")
    private double learningRate;

    @Option(names = "--proprio-weight", paramLabel = "W", defaultValue = "-1",
            description = "Weight of the next-proprio MSE beside the feature MSE (default: the preset's, 1).")
    private double proprioWeight;

    @Option(names = "--kl-budget", paramLabel = "NATS", defaultValue = "-1",
            description = "RePo mode: KL budget ε in nats per frame (default: 10, from a sweep on Wall; the paper's is 3).")
    private double klBudget;

    @Option(names = "--reward-weight", paramLabel = "W", defaultValue = "0",
            description = "Weight of the reward head's NLL (default: ${DEFAULT-VALUE}: the built-in worlds' rewards are "
                    + "distances to goals their frames do not show).")
    private double rewardWeight;

    @Option(names = "--proprio-head-weight", paramLabel = "W", defaultValue = "-1",
            description = "Weight of the proprio head's NLL, which reads proprio back from the latent; in RePo mode the term "
                    + "that keeps the agent in z (default: the preset's, 1).")
    private double proprioHeadWeight;

    @Option(names = "--token-grid", paramLabel = "G", defaultValue = "0",
            description = "Pool the encoder's patches to G x G tokens instead of the preset's grid (at most the encoder's; "
                    + "default: the preset's, 3 for wall).")
    private int tokenGrid;

    @Option(names = "--posterior-input", paramLabel = "tokens|patches", defaultValue = "patches",
            description = "RePo mode: what the posterior's hidden layer reads: the pooled tokens (RePo's per-token form) or "
                    + "every encoder patch, pooled after the hidden layer (default: ${DEFAULT-VALUE}).")
    private String posteriorInput;

    @Option(names = "--decoder",
            description = "Also train a pixel decoder on detached latents, so 'foresight imagine' can draw the model's rollouts; "
                    + "it never changes the predictor.")
    private boolean decoder;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model directory to write (resumed if it holds a run).")
    private Path out;

    @Override
    protected void validate() {
        requireOneOf("--preset", preset, TrainSpec.PRESETS);
        requireOneOf("--mode", mode, TrainSpec.MODES);
        requireAtLeast("--steps", steps, 0);
        requireAtLeast("--batch", batch, 0);
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw badFlag("--lr", "a finite learning rate > 0 (0 = the preset's)", learningRate);
        }
        if (Double.isNaN(proprioWeight) || Double.isInfinite(proprioWeight)) {
            throw badFlag("--proprio-weight", "a finite weight >= 0", proprioWeight);
        }
        if (Double.isNaN(proprioHeadWeight) || Double.isInfinite(proprioHeadWeight)) {
            throw badFlag("--proprio-head-weight", "a finite weight >= 0", proprioHeadWeight);
        }
        if (!(rewardWeight >= 0) || Double.isInfinite(rewardWeight)) {
            throw badFlag("--reward-weight", "a finite weight >= 0", rewardWeight);
        }
        if (Double.isNaN(klBudget) || Double.isInfinite(klBudget)) {
            throw badFlag("--kl-budget", "a finite KL budget >= 0 in nats per frame", klBudget);
        }
        requireOneOf("--posterior-input", posteriorInput, TrainSpec.POSTERIOR_INPUTS);
        requireAtLeast("--token-grid", tokenGrid, 0);
    }

    @Override
    protected JobResult run(JobConsole console) throws Exception {
        TrainSpec spec = new TrainSpec(preset, mode, encoder, steps, batch, seed, learningRate,
                proprioWeight < 0 ? -1 : proprioWeight, klBudget < 0 ? -1 : klBudget, rewardWeight,
                proprioHeadWeight < 0 ? -1 : proprioHeadWeight, decoder, "patches".equals(posteriorInput), tokenGrid);
        Observed observed = new Observed();
        TrainingOutcome outcome = train(console, spec, data, out, observed);
        Evaluation e = outcome.evaluation();
        console.say("Trained %s (%s) for %d steps in %.1f s (+ %.1f s encoding)", preset, mode, outcome.steps(),
                outcome.trainSeconds(), outcome.encodeSeconds());
        console.say("  validation 1-step MSE %.5f vs copy-last %.5f: ratio %.3f%s", e.oneStepMse(), e.oneStepCopyLastMse(),
                e.oneStepRatio(), e.oneStepRatio() < 1 ? " (beats copying the last frame)" : " (does NOT beat copying the last frame)");
        double open5 = outcome.openLoopMse(ModelTraining.OPEN_LOOP_STEPS);
        if (Double.isFinite(open5)) {
            console.say("  open-loop MSE after %d steps %.5f", ModelTraining.OPEN_LOOP_STEPS, open5);
        }
        TrainingThroughput speed = throughput(outcome, observed);
        if (speed != null) {
            console.say("  throughput %.0f windows/s (%.1f steps/s of %d); %.2f GFLOP/s of counted matmuls = %.1f%% of the "
                    + "%.0f GFLOP/s 1024³ matmul measured now", speed.windowsPerSecond(), speed.stepsPerSecond(),
                    observed.trainer.batchSize(), speed.achievedGflops(), 100 * speed.peakFraction(), speed.matmulPeakGflops());
        }
        console.say("Model directory: %s%s", out, outcome.lossChart() == null ? "" : " (loss curve: " + outcome.lossChart() + ")");
        if (decoder) {
            console.say("Draw its rollouts: foresight imagine --model %s --data %s --episode 0", out, data);
        }
        JobResult r = result(outcome);
        if (speed != null) {
            r.put("windows_per_second", speed.windowsPerSecond())
                    .put("train_gflops", speed.achievedGflops())
                    .put("matmul_peak_gflops", speed.matmulPeakGflops())
                    .put("peak_fraction", speed.peakFraction());
        }
        return r;
    }

    /**
     * This session's steps per second (from the fit's own clock: encoding and start-up excluded) against a
     * 1024³ matmul timed right after; null when no step ran (a finished run resumed).
     */
    private static TrainingThroughput throughput(TrainingOutcome outcome, Observed observed) {
        TrainingProgress last = observed.lastStep;
        if (last == null || observed.model == null || last.step() <= outcome.resumedFromStep() || !(last.elapsedSeconds() > 0)) {
            return null;
        }
        double peak = MatmulBenchmark.measure(MatmulBenchmark.Config.defaults()).gflops();
        return TrainingThroughput.of(observed.model, observed.trainer.batchSize(), last.step() - outcome.resumedFromStep(),
                last.elapsedSeconds(), peak);
    }

    /** What a run showed while it trained: its configs and its last step (null before any). */
    static final class Observed {
        WorldModelConfig model;
        TrainerConfig trainer;
        TrainingProgress lastStep;
    }

    /** Trains with progress bars on {@code console}; shared with quickstart. */
    static TrainingOutcome train(JobConsole console, TrainSpec spec, Path data, Path out) throws Exception {
        return train(console, spec, data, out, new Observed());
    }

    private static TrainingOutcome train(JobConsole console, TrainSpec spec, Path data, Path out, Observed observed) throws Exception {
        Progress[] bar = new Progress[1];
        try {
            return ModelTraining.run(spec, data, out, new ModelTraining.Events() {
                @Override
                public void encodingStarts(int episodes) {
                    bar[0] = Progress.start(console, "encode", episodes, "episodes");
                }

                @Override
                public void encoded(int done, int total) {
                    bar[0].accept(done);
                    if (done == total) {
                        bar[0].close();
                        bar[0] = null;
                    }
                }

                @Override
                public void trainingStarts(WorldModelConfig model, TrainerConfig trainer, long parameters) {
                    observed.model = model;
                    observed.trainer = trainer;
                    console.detail("model: %s, %d parameters; %d steps of batch %d", model.predictor(), parameters,
                            trainer.steps(), trainer.batchSize());
                    bar[0] = Progress.start(console, "train", trainer.steps(), "steps");
                }

                @Override
                public void step(TrainingProgress progress) {
                    observed.lastStep = progress;
                    bar[0].accept((int) progress.step());
                }

                @Override
                public void evaluated(long step, Evaluation evaluation) {
                    console.detail("step %d: validation 1-step MSE %.5f vs copy-last %.5f (ratio %.3f)", step,
                            evaluation.oneStepMse(), evaluation.oneStepCopyLastMse(), evaluation.oneStepRatio());
                }
            });
        } finally {
            if (bar[0] != null) {
                bar[0].close();
            }
        }
    }

    /** The job's headline figures for an outcome. */
    static JobResult result(TrainingOutcome o) {
        Evaluation e = o.evaluation();
        double open5 = o.openLoopMse(ModelTraining.OPEN_LOOP_STEPS);
        return new JobResult()
                .put("val_one_step_mse", e.oneStepMse())
                .put("copy_last_mse", e.oneStepCopyLastMse())
                .put("ratio", e.oneStepRatio())
                .put("open_loop_5_mse", Double.isFinite(open5) ? open5 : null)
                .put("steps", o.steps())
                .put("seconds", o.encodeSeconds() + o.trainSeconds())
                .put("encode_seconds", o.encodeSeconds())
                .put("model_dir", o.modelDir())
                .put("loss_chart", o.lossChart());
    }
}
