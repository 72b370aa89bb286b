package ai.foresight.worldmodel;

import ai.djl.ndarray.NDArray;

/**
 * An imagined trajectory.
 *
 * @param latents (N, S, n, C) predicted latent frames after each of the S frame steps
 * @param proprio (N, S, P) predicted proprio, or null without proprio
 */
public record Rollout(NDArray latents, NDArray proprio) {}
