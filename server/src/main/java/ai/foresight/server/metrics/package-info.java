/**
 * Server metrics kept in memory with lock-free adders and rendered in the Prometheus text exposition format
 * (version 0.0.4) at {@code GET /metrics}: request counts by route and status, latency histograms, queue depth,
 * batch sizes and live sessions, goals and WebSocket connections. No client library is needed for so few series.
 */
package ai.foresight.server.metrics;
