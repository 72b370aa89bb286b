package ai.foresight.experiments.notebook;

import ai.djl.ndarray.NDManager;
import ai.foresight.experiments.pipeline.ModelTraining;
import ai.foresight.experiments.pipeline.TrainSpec;
import ai.foresight.experiments.pipeline.TrainedModel;
import ai.foresight.experiments.pipeline.TrainingOutcome;
import ai.foresight.worldmodel.train.Evaluation;
import ai.foresight.worldmodel.train.TrainerConfig;
import ai.foresight.worldmodel.train.TrainingProgress;
import ai.foresight.worldmodel.WorldModelConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Trains and loads world models, DINO-WM's recipe (Zhou et al. 2024): every frame of the offline data is
 * encoded once by a frozen patch encoder, and a frame-causal latent predictor learns how those features move
 * under actions ({@code repo} mode adds RePo's information bottleneck, Zhu et al. 2023). A thin layer over
 * {@link ModelTraining} and {@link TrainedModel}, the code {@code foresight train} runs.
 *
 * <p>Models go to {@code notebook-out/models/<dataset>-<preset>-<mode>-<steps>}; training the same data
 * with the same preset again resumes or reuses that folder.
 */
public final class WorldModels {
    private WorldModels() {}

    /** Trains a model on {@code data} with {@code preset}'s model, encoder and training length, then loads it. */
    public static LearnedModel train(OfflineDataset data, Preset preset) {
        TrainSpec spec = preset.trainSpec(data.world());
        String name = data.directory().getFileName() + "-" + spec.preset() + "-" + spec.mode() + "-"
                + spec.encoder().replaceAll("[^A-Za-z0-9._-]+", "_") + "-" + (spec.steps() == 0 ? "default" : spec.steps())
                + "-s" + spec.seed();
        Path dir = NotebookFiles.folder("models").resolve(name);
        boolean existed = Files.isRegularFile(dir.resolve(TrainedModel.MANIFEST));
        try {
            TrainingOutcome outcome = ModelTraining.run(spec, data.directory(), dir, existed ? ModelTraining.Events.NONE : new Narration());
            Evaluation e = outcome.evaluation();
            if (existed && outcome.resumedFromStep() == outcome.steps()) {
                System.out.printf("reusing the model trained earlier (%d steps): one-step latent MSE %s vs %s for copying the "
                        + "last frame -> %s%n", outcome.steps(), ValueText.number(e.oneStepMse()),
                        ValueText.number(e.oneStepCopyLastMse()), dir);
            } else {
                System.out.printf(Locale.ROOT, "trained %d steps (%.1f s encoding, %.1f s training): one-step latent MSE %s vs %s "
                        + "for copying the last frame -> %s%n", outcome.steps(), outcome.encodeSeconds(), outcome.trainSeconds(),
                        ValueText.number(e.oneStepMse()), ValueText.number(e.oneStepCopyLastMse()), dir);
            }
            return open(dir, preset, outcome);
        } catch (IOException e) {
            throw new UncheckedIOException("train: " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Loads a model directory written by {@code foresight train} or {@link #train}, with the {@link Presets#notebook()} planner settings. */
    public static LearnedModel load(Path dir) {
        return load(dir, Presets.notebook());
    }

    /** Loads a model directory; {@code preset} supplies the planner and evaluation settings. */
    public static LearnedModel load(Path dir, Preset preset) {
        try {
            return open(dir, preset, null);
        } catch (IOException e) {
            throw new UncheckedIOException("load: " + dir + ": " + e.getMessage(), e);
        }
    }

    private static LearnedModel open(Path dir, Preset preset, TrainingOutcome outcome) throws IOException {
        NDManager manager = NDManager.newBaseManager();
        try {
            return new LearnedModel(TrainedModel.load(dir, manager), manager, preset, outcome);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** A line when encoding starts and at each validation; silent otherwise. */
    private static final class Narration implements ModelTraining.Events {
        @Override
        public void encodingStarts(int episodes) {
            System.out.println("encoding " + episodes + " episodes with the frozen encoder ...");
        }

        @Override
        public void trainingStarts(WorldModelConfig model, TrainerConfig trainer, long parameters) {
            System.out.printf(Locale.ROOT, "training a %s predictor (%,d parameters) for %d steps of batch %d ...%n",
                    model.predictor().name(), parameters, trainer.steps(), trainer.batchSize());
        }

        @Override
        public void step(TrainingProgress progress) {
            // the notebooks print the outcome; a progress bar would flood batch output
        }

        @Override
        public void evaluated(long step, Evaluation evaluation) {
            System.out.printf(Locale.ROOT, "  step %d: one-step MSE %s (copy-last %s)%n", step,
                    ValueText.number(evaluation.oneStepMse()), ValueText.number(evaluation.oneStepCopyLastMse()));
        }
    }
}
