/**
 * From a recorded dataset to a model directory and back: {@link ai.foresight.experiments.pipeline.ModelTraining}
 * encodes frames once (feature cache), trains a world-model preset and writes a self-contained model directory;
 * {@link ai.foresight.experiments.pipeline.TrainedModel#load} opens one (encoder, world model, normalisation,
 * world) in a single call for evaluation, the planning server and notebooks.
 */
package ai.foresight.experiments.pipeline;
