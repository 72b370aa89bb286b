/**
 * The Foresight planning server: robots send camera frames and proprioception over HTTP/JSON or an
 * openpi-compatible msgpack WebSocket and get back action chunks planned by a world model.
 *
 * <p>{@link ai.foresight.server.PlanningServer} is the entry point (start/stop), configured by
 * {@link ai.foresight.server.ServerConfig}; the model plugs in through
 * {@link ai.foresight.server.spi.PlanningBackend}.
 */
package ai.foresight.server;
