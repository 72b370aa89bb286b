package ai.foresight.encoders.dino;

/**
 * What one DINO step did, one line of the loss history ({@code loss_history.jsonl}, snake_case keys).
 *
 * @param step 0-based step index
 * @param loss cross-entropy between teacher and student views
 * @param teacherEntropy mean entropy of the teacher's centred, sharpened outputs (nats)
 * @param kl loss − teacherEntropy
 * @param teacherBatchEntropy entropy of the batch-mean teacher distribution (nats); far above
 *     {@code teacherEntropy} when different images use different output dimensions
 * @param learningRate this step's learning rate
 * @param momentum this step's teacher EMA momentum
 * @param teacherTemperature this step's teacher temperature
 * @param gradNorm global gradient norm before clipping
 * @param seconds wall time of the step
 */
public record DinoStepRecord(
        long step, double loss, double teacherEntropy, double kl, double teacherBatchEntropy, double learningRate, double momentum,
        double teacherTemperature, double gradNorm, double seconds) {}
