/**
 * The world model's DJL blocks: the frame-causal {@link ai.foresight.worldmodel.nn.LatentPredictor} (DINO-WM),
 * token pooling, RePo's per-token Gaussian posterior, reward/proprio heads and the pixel decoder.
 */
package ai.foresight.worldmodel.nn;
