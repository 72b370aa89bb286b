package ai.foresight.experiments.notebook;

import ai.foresight.experiments.pipeline.TrainSpec;
import ai.foresight.planner.agent.AgentConfig;

/**
 * How big a notebook experiment is, from data to evaluation, in one record: how much offline data to
 * record, which world-model preset and encoder to train with and for how long, how hard the planner
 * searches, and how many start/goal pairs an evaluation runs. Named presets live in {@link Presets}.
 *
 * @param name preset id ({@code tiny}, {@code small}, {@code paper})
 * @param episodes episodes recorded by {@link Datasets#generate(World, int)} in the notebooks
 * @param steps steps per episode
 * @param model world-model preset: {@code tiny}, or {@code world} for the trained world's own
 *     (DINO-WM's {@code wall}, {@code pointmaze}, {@code pusht} settings)
 * @param mode {@code dino-wm} (predict frozen patch features) or {@code repo} (RePo's latent bottleneck)
 * @param encoder frozen encoder name, e.g. {@code random-tiny}, {@code default}, or an encoder folder
 * @param trainSteps optimiser steps (0: the model preset's default)
 * @param planner planner settings: optimiser, samples, iterations, horizon, steps executed per plan
 * @param evalPairs start/goal pairs per closed-loop evaluation
 * @param evalBudget environment steps per evaluated episode
 * @param seed seeds data, training and planning
 */
public record Preset(String name, int episodes, int steps, String model, String mode, String encoder, int trainSteps,
        AgentConfig planner, int evalPairs, int evalBudget, long seed) {

    /** Value of {@link #model} that picks the trained world's own predictor preset. */
    public static final String WORLD_MODEL = "world";

    public Preset {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: expected a preset id, got '" + name + "'");
        }
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes: expected at least 1, got " + episodes);
        }
        if (steps < 2) {
            throw new IllegalArgumentException("steps: expected at least 2, got " + steps);
        }
        if (!WORLD_MODEL.equals(model) && !TrainSpec.PRESETS.contains(model)) {
            throw new IllegalArgumentException("model: expected 'world' or one of " + TrainSpec.PRESETS + ", got '" + model + "'");
        }
        if (!TrainSpec.MODES.contains(mode)) {
            throw new IllegalArgumentException("mode: expected one of " + TrainSpec.MODES + ", got '" + mode + "'");
        }
        if (encoder == null || encoder.isBlank()) {
            throw new IllegalArgumentException("encoder: expected an encoder name or folder, got '" + encoder + "'");
        }
        if (trainSteps < 0) {
            throw new IllegalArgumentException("trainSteps: expected >= 0 (0 = the model preset's default), got " + trainSteps);
        }
        if (planner == null) {
            throw new IllegalArgumentException("planner: expected an AgentConfig, got null");
        }
        if (evalPairs < 1 || evalBudget < 1) {
            throw new IllegalArgumentException("evalPairs/evalBudget: expected at least 1, got " + evalPairs + ", " + evalBudget);
        }
    }

    /** What {@code foresight train} would run for data of world {@code worldId}. */
    public TrainSpec trainSpec(String worldId) {
        String preset = model;
        if (WORLD_MODEL.equals(model)) {
            preset = "wall-random".equals(worldId) ? "wall" : worldId;
        }
        return new TrainSpec(preset, mode, encoder, trainSteps, 0, seed);
    }

    public Preset withEpisodes(int newEpisodes) {
        return new Preset(name, newEpisodes, steps, model, mode, encoder, trainSteps, planner, evalPairs, evalBudget, seed);
    }

    public Preset withTrainSteps(int newTrainSteps) {
        return new Preset(name, episodes, steps, model, mode, encoder, newTrainSteps, planner, evalPairs, evalBudget, seed);
    }

    /** The same preset with RePo's bottleneck ({@code repo}) or feature prediction ({@code dino-wm}). */
    public Preset withMode(String newMode) {
        return new Preset(name, episodes, steps, model, newMode, encoder, trainSteps, planner, evalPairs, evalBudget, seed);
    }

    public Preset withEncoder(String newEncoder) {
        return new Preset(name, episodes, steps, model, mode, newEncoder, trainSteps, planner, evalPairs, evalBudget, seed);
    }

    public Preset withPlanner(AgentConfig newPlanner) {
        return new Preset(name, episodes, steps, model, mode, encoder, trainSteps, newPlanner, evalPairs, evalBudget, seed);
    }

    public Preset withEvaluation(int pairs, int budget) {
        return new Preset(name, episodes, steps, model, mode, encoder, trainSteps, planner, pairs, budget, seed);
    }

    public Preset withSeed(long newSeed) {
        return new Preset(name, episodes, steps, model, mode, encoder, trainSteps, planner.withSeed(newSeed), evalPairs,
                evalBudget, newSeed);
    }

    @Override
    public String toString() {
        return "Preset[" + name + ": " + episodes + " episodes x " + steps + " steps, model " + model + " (" + mode + ") on "
                + encoder + ", " + (trainSteps == 0 ? "default" : Integer.toString(trainSteps)) + " train steps, planner "
                + planner.planner().id() + " " + (planner.samples() == 0 ? "default" : planner.samples()) + " samples x "
                + (planner.iterations() == 0 ? "default" : planner.iterations()) + " iterations, horizon " + planner.horizon()
                + ", eval " + evalPairs + " pairs x " + evalBudget + " steps]";
    }
}
