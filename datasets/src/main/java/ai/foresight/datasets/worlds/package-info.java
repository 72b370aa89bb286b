/**
 * The built-in simulated worlds, mirroring DINO-WM's suite (Zhou et al., 2024): {@code wall} and
 * {@code wall-random} ({@link ai.foresight.datasets.worlds.WallEnv}), {@code pointmaze}
 * ({@link ai.foresight.datasets.worlds.PointMazeEnv}) and {@code pusht}
 * ({@link ai.foresight.datasets.worlds.PushTEnv}), created by id through
 * {@link ai.foresight.datasets.worlds.Worlds}.
 *
 * <p>Every world implements {@link ai.foresight.datasets.env.Env}: {@code reset(seed)} is
 * deterministic, {@code resetTo} checks its vectors and names the offending field, {@code step}
 * clips the action to the spec's bounds, the reward is the negative success distance, and
 * {@code render(state)} draws any state into a fresh (H, W, 3) uint8 frame of the configured size.
 * Each world has one config record with named presets ({@code defaults()}, {@code tiny()} for
 * tests) and keeps its physics, geometry and rendering in small package-private classes.
 */
package ai.foresight.datasets.worlds;
