/**
 * The WebSocket front end, following the openpi policy-server convention so existing robot clients
 * ({@code openpi_client.WebsocketClientPolicy}) connect unchanged: binary msgpack frames, numpy arrays as maps
 * {@code {"__ndarray__": true, "data": bin, "dtype": "<f4", "shape": [...]}}, a metadata message first, then one
 * answer {@code {"actions": (k, A), "server_timing": {...}}} per observation. Errors are text frames holding the JSON
 * error map (openpi clients raise on text frames), and the connection stays open.
 */
package ai.foresight.server.ws;
