/**
 * What a world model imagines, shown beside what happened: {@link
 * ai.foresight.experiments.imagine.EpisodeImagination} rolls a recorded episode's actions through the model
 * open loop from its first frames and measures the per-step latent error against the real frames' latents
 * (with the copy-last-frame baseline); {@link ai.foresight.experiments.imagine.ImagineReport} draws the
 * decoded frames as a GIF with the error chart under them.
 */
package ai.foresight.experiments.imagine;
