package ai.foresight.server.core;

import ai.foresight.server.spi.PlannerSettings;

/**
 * What a front end sends back for one plan.
 *
 * @param actions     (k, A) action chunk to execute next
 * @param plannedRest (H - k, A) rest of the optimised sequence
 * @param objective   final objective value of the chosen sequence
 * @param settings    the settings actually used (after defaults and clamping)
 * @param encodeMs    backend time encoding inputs
 * @param planMs      backend time optimising
 * @param queueMs     time waiting in the queue
 * @param batchSize   requests planned together with this one
 * @param totalMs     time from arrival to answer ready
 */
public record PlanOutcome(float[][] actions, float[][] plannedRest, double objective, PlannerSettings settings,
                          double encodeMs, double planMs, double queueMs, int batchSize, double totalMs) {
}
