/**
 * The service-provider interface the planning server is written against.
 *
 * <p>A {@link ai.foresight.server.spi.PlanningBackend} wraps whatever turns a camera frame, proprioception and a goal
 * into an action chunk (in Foresight: a frozen patch encoder, the latent world model and an MPC planner). The server
 * owns transport, validation, queueing, sessions and metrics; the backend owns the model. Goals are encoded once into
 * an opaque {@link ai.foresight.server.spi.GoalHandle}, and each robot's warm start travels between plans as an opaque
 * {@link ai.foresight.server.spi.WarmStart}; the server keeps both and closes them when they are no longer needed.
 */
package ai.foresight.server.spi;
