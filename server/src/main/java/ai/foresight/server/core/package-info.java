/**
 * The protocol-neutral heart of the planning server, shared by the HTTP and the WebSocket front ends: the bounded
 * queue and batching worker in front of the backend ({@link ai.foresight.server.core.PlanExecutor}), per-robot
 * sessions holding warm starts ({@link ai.foresight.server.core.SessionRegistry}), registered goals
 * ({@link ai.foresight.server.core.GoalRegistry}), the orchestration of one plan
 * ({@link ai.foresight.server.core.PlanService}) and the typed client error every rejection becomes
 * ({@link ai.foresight.server.core.ApiException}).
 */
package ai.foresight.server.core;
