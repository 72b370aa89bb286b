package ai.foresight.encoders.dino;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.PairList;
import ai.foresight.encoders.optim.AdamW;
import ai.foresight.encoders.optim.AdamWConfig;

/**
 * The mutable state of a DINO run: student, EMA teacher, optimiser moments, loss center and the
 * number of completed steps. Everything a checkpoint must hold for an exact resume (augmentation
 * randomness is derived from the seed and the step, so it needs no state).
 */
final class DinoTraining implements AutoCloseable {
    final DinoConfig config;
    final NDManager manager;
    final DinoNetwork student;
    final DinoNetwork teacher;
    final AdamW optimizer;
    final DinoLoss loss;
    long stepsDone;
    /** Updates skipped in a row because the gradient was not finite (not checkpointed). */
    int consecutiveSkippedSteps;

    DinoTraining(DinoConfig config) {
        this(config, Device.cpu());
    }

    DinoTraining(DinoConfig config, Device device) {
        this.config = config;
        this.manager = NDManager.newBaseManager(device);
        Shape input = new Shape(1, 3, config.vit().imageSize(), config.vit().imageSize());
        Engine.getInstance().setRandomSeed((int) config.seed());
        this.student = new DinoNetwork(config.vit(), config.head());
        student.initialize(manager, DataType.FLOAT32, input);
        this.teacher = new DinoNetwork(config.vit(), config.head());
        teacher.initialize(manager, DataType.FLOAT32, input);
        teacher.freezeParameters(true);
        copyStudentIntoTeacher();
        this.optimizer = new AdamW(new AdamWConfig(0.9, 0.999, 1e-8, config.weightDecay()), manager);
        this.loss = new DinoLoss(config.head().outDim(), config.studentTemp(), config.centerMomentum(), manager);
    }

    /** The teacher starts as a copy of the student (DINO). */
    private void copyStudentIntoTeacher() {
        PairList<String, Parameter> s = student.getParameters();
        PairList<String, Parameter> t = teacher.getParameters();
        for (int i = 0; i < s.size(); i++) {
            s.get(i).getValue().getArray().copyTo(t.get(i).getValue().getArray());
        }
    }

    /** θ_t ← m·θ_t + (1 − m)·θ_s for every parameter. */
    void updateTeacher(double momentum) {
        PairList<String, Parameter> s = student.getParameters();
        PairList<String, Parameter> t = teacher.getParameters();
        for (int i = 0; i < s.size(); i++) {
            NDArray teacherWeight = t.get(i).getValue().getArray();
            try (NDArray scaled = s.get(i).getValue().getArray().mul(1 - momentum)) {
                teacherWeight.muli(momentum).addi(scaled);
            }
        }
    }

    @Override
    public void close() {
        optimizer.close();
        loss.close();
        manager.close();
    }
}
