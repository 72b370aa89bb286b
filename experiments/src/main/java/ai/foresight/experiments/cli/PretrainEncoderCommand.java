package ai.foresight.experiments.cli;

import ai.foresight.datasets.store.Dataset;
import ai.foresight.encoders.dino.DinoStepRecord;
import ai.foresight.encoders.dino.PretrainProgress;
import ai.foresight.encoders.dino.PretrainResult;
import ai.foresight.experiments.encode.EncoderPretraining;
import ai.foresight.experiments.encode.PretrainPlan;
import ai.foresight.experiments.job.JobCommand;
import ai.foresight.experiments.job.JobConsole;
import ai.foresight.experiments.job.JobResult;
import ai.foresight.experiments.job.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code foresight pretrain-encoder}: DINO self-distillation of a ViT patch encoder on the frames of
 * one or more datasets (DINO-WM plans on frozen self-supervised patch features). Checkpoints as it
 * goes; rerunning with the same {@code --out} resumes. Writes the encoder to {@code OUT/encoder}, its
 * loss curve to {@code OUT/loss_curve.png}.
 */
@Command(name = "pretrain-encoder", mixinStandardHelpOptions = true,
        description = "Pretrain a ViT patch encoder with DINO on dataset frames (resumes from OUT's checkpoints).")
public final class PretrainEncoderCommand extends JobCommand {

    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "DIR",
            description = "Dataset directories (written by 'foresight generate'); their frames are pooled.")
    private List<Path> data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Run directory (checkpoints, encoder, loss curve).")
    private Path out;

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "default",
            description = "Architecture and schedule: tiny, default (default: ${DEFAULT-VALUE}).")
    private String preset;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "0",
            description = "Optimiser steps (default: the preset's, or from --epochs).")
    private int steps;

    @Option(names = "--epochs", paramLabel = "E", defaultValue = "0",
            description = "Passes over all frames instead of --steps (fractions allowed).")
    private double epochs;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "0",
            description = "Steps between checkpoints (default: the preset's).")
    private int checkpointEvery;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    protected void validate() {
        requireOneOf("--preset", preset, PretrainPlan.PRESETS);
        requireAtLeast("--steps", steps, 0);
        requireAtLeast("--checkpoint-every", checkpointEvery, 0);
        if (!(epochs >= 0) || Double.isInfinite(epochs)) {
            throw badFlag("--epochs", "a finite number >= 0", epochs);
        }
        if (steps > 0 && epochs > 0) {
            throw badFlag("--steps/--epochs", "one of them", "both (" + steps + ", " + epochs + ")");
        }
    }

    @Override
    protected JobResult run(JobConsole console) throws Exception {
        PretrainPlan plan = new PretrainPlan(preset, steps, epochs, seed, checkpointEvery);
        long start = System.nanoTime();
        EncoderPretraining.Outcome outcome = Progress.track(console, "pretrain " + preset, stepsFor(plan), "steps",
                progress ->
                        EncoderPretraining.run(plan, data, out, new PretrainProgress() {
                            @Override
                            public void onStep(DinoStepRecord record, int totalSteps) {
                                progress.accept((int) record.step() + 1);
                            }
                        }));
        double seconds = (System.nanoTime() - start) / 1e9;
        PretrainResult r = outcome.result();
        int window = (int) Math.max(1, Math.min(100, r.history().size() / 10));
        console.say("Pretrained %s (%s) on %d frames of %d dataset(s): %d steps%s in %.1f s (%.2f s/step)",
                preset, outcome.config().vit(), outcome.data().frames(), data.size(), r.stepsDone(),
                r.resumedFrom() > 0 ? " (resumed from " + r.resumedFrom() + ")" : "", seconds, r.secondsPerStep());
        console.say("  loss %.3f (first %d steps) -> %.3f (last %d)", r.meanLossOfFirst(window), window,
                r.meanLossOfLast(window), window);
        console.say("  encoder     %s", r.completed() ? r.encoderDir() : "(not exported: the run stopped early)");
        console.say("  loss curve  %s", outcome.lossCurve());
        return new JobResult()
                .put("completed", r.completed())
                .put("preset", preset)
                .put("steps", r.stepsDone())
                .put("resumed_from", r.resumedFrom())
                .put("frames", outcome.data().frames())
                .put("datasets", outcome.data().checksums())
                .put("seconds", seconds)
                .put("seconds_per_step", r.secondsPerStep())
                .put("loss_first", r.meanLossOfFirst(window))
                .put("loss_last", r.meanLossOfLast(window))
                .put("encoder_dir", r.completed() ? r.encoderDir().toString() : null)
                .put("encoder_id", r.encoderId())
                .put("loss_curve", outcome.lossCurve())
                .put("out", out);
    }

    /** Total steps of the plan on the given data, for the progress bar. */
    private int stepsFor(PretrainPlan plan) throws IOException {
        long frames = 0;
        for (Path dir : data) {
            frames += Dataset.open(dir).manifest().frames();
        }
        return plan.config(frames).steps();
    }

    @Override
    protected Path outputDirectory() {
        return out;
    }
}
