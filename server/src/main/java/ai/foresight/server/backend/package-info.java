/**
 * The real planning backend: a trained encoder + world model + CEM planner behind the server's
 * {@link ai.foresight.server.spi.PlanningBackend} SPI.
 *
 * <p>{@link ai.foresight.server.backend.ServedModel} bundles what was trained (encoder, world model, frame size, action
 * box, dataset statistics); {@link ai.foresight.server.backend.ModelBackend} serves it to many robots, with each
 * robot's warm start (planner and recent observations) carried in the server's session and goals encoded once;
 * {@link ai.foresight.server.backend.ModelBackendConfig} sets the chunk and the default and largest searches.
 * {@link ai.foresight.server.backend.SyntheticModels} builds untrained models of real size for smoke tests and
 * timing.
 */
package ai.foresight.server.backend;
