/**
 * Latent world models over frozen patch features: {@link ai.foresight.worldmodel.WorldModel} (pooling,
 * frame-causal predictor, optional RePo bottleneck, heads and decoder), its config records with per-world
 * presets, and batched open-loop imagination ({@link ai.foresight.worldmodel.WorldModel#rollout}) for planners.
 */
package ai.foresight.worldmodel;
