/**
 * Data-collection policies: how offline trajectories are driven. Each reads the world's ground-truth
 * state (scripted collection is privileged by design) and draws its randomness only from the seed
 * given at reset. {@link ai.foresight.datasets.policy.WallRandomWalkPolicy} (DINO-WM's Wall random
 * walk), {@link ai.foresight.datasets.policy.MazeWaypointPolicy} (noisy shortest-path waypoints, as
 * in D4RL's maze2d), {@link ai.foresight.datasets.policy.PushTScriptedPolicy} (noisy scripted
 * pushes) and {@link ai.foresight.datasets.policy.UniformRandomPolicy} (any world).
 * {@link ai.foresight.datasets.worlds.Worlds#collectionPolicy} gives each world's default.
 */
package ai.foresight.datasets.policy;
