package ai.foresight.encoders.dino;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * DINO's self-distillation loss with centering and sharpening (Caron et al., 2021, §3.1).
 *
 * <p>The teacher's logits are centred (an EMA {@code c} of their batch mean is subtracted, which keeps
 * one dimension from dominating) and sharpened (a low temperature τ_t, which keeps the output from
 * going uniform); the student's logits are softened with τ_s. The loss is the mean over pairs of
 * views (teacher view i, student view v ≠ i) of {@code −Σ_k P_t[k] log P_s[k]}, averaged over the batch.
 *
 * <p>Layout: teacher logits (G·B, K) hold G global views, view after view; student logits
 * ((G + L)·B, K) hold the same G global views first, then L local views. The center lives in this
 * object's own manager; it is saved with checkpoints.
 */
public final class DinoLoss implements AutoCloseable {
    private final int outDim;
    private final double studentTemperature;
    private final double centerMomentum;
    private final NDManager manager;
    private NDArray center;
    private boolean centerSeeded;

    /**
     * @param centerMomentum EMA rate of the center (DINO: 0.9); 1 freezes it at 0, disabling centering
     */
    public DinoLoss(int outDim, double studentTemperature, double centerMomentum, NDManager parent) {
        if (!(studentTemperature > 0)) {
            throw new IllegalArgumentException("studentTemperature: expected > 0, got " + studentTemperature);
        }
        if (!(centerMomentum >= 0 && centerMomentum <= 1)) {
            throw new IllegalArgumentException("centerMomentum: expected [0, 1], got " + centerMomentum);
        }
        this.outDim = outDim;
        this.studentTemperature = studentTemperature;
        this.centerMomentum = centerMomentum;
        this.manager = parent.newSubManager();
        this.center = manager.zeros(new Shape(1, outDim));
    }

    /**
     * The loss for one batch of {@code batch} images.
     *
     * @param student student logits ((G + L)·B, K), in the gradient graph
     * @param teacher teacher logits (G·B, K), no gradient
     * @param globalViews G
     * @param teacherTemperature τ_t for this step
     */
    public DinoLossTerms compute(NDArray student, NDArray teacher, int batch, int globalViews, double teacherTemperature) {
        if (!(teacherTemperature > 0)) {
            throw new IllegalArgumentException("teacherTemperature: expected > 0, got " + teacherTemperature);
        }
        check("teacher", teacher, (long) globalViews * batch);
        long studentRows = student.getShape().get(0);
        if (studentRows % batch != 0 || studentRows < (long) globalViews * batch) {
            throw new IllegalArgumentException("student: expected (V·" + batch + ", " + outDim + ") with V >= " + globalViews
                    + ", got " + student.getShape());
        }
        check("student", student, studentRows);
        int studentViewCount = (int) (studentRows / batch);
        if (!centerSeeded && centerMomentum < 1) {
            seedCenter(teacher);
        }
        NDArray t = teacher.stopGradient().sub(center.toDevice(teacher.getDevice(), false)).divi(teacherTemperature).softmax(1);
        NDArray logT = t.add(1e-12f).log();
        double entropy = t.mul(logT).sum(new int[] {1}).neg().mean().getFloat(); // mean h(P_t) over G·B rows
        NDArray meanT = t.mean(new int[] {0});
        double batchEntropy = meanT.mul(meanT.add(1e-12f).log()).sum().neg().getFloat(); // h(mean P_t)
        // constants on the gradient path are arrays in the step's manager: DJL's div(Number) frees its scalar
        // at once while autograd still needs it for the backward pass
        NDArray logS = student.div(student.getManager().create((float) studentTemperature)).logSoftmax(1);
        NDList teacherViews = t.split(globalViews, 0);
        NDList studentViews = logS.split(studentViewCount, 0);
        NDArray total = null;
        int pairs = 0;
        for (int i = 0; i < globalViews; i++) {
            for (int v = 0; v < studentViewCount; v++) {
                if (v == i) {
                    continue;
                }
                NDArray term = teacherViews.get(i).mul(studentViews.get(v)).sum(new int[] {1}).neg().mean();
                total = total == null ? term : total.add(term);
                pairs++;
            }
        }
        if (total == null) {
            throw new IllegalArgumentException("views: expected at least one student view besides the teacher's, got "
                    + studentViewCount + " student and " + globalViews + " teacher views");
        }
        total = total.div(total.getManager().create((float) pairs));
        double crossEntropy = total.getFloat();
        return new DinoLossTerms(total, crossEntropy, entropy, crossEntropy - entropy, batchEntropy);
    }

    /** c ← m·c + (1 − m)·mean over rows of {@code teacher} (G·B, K). */
    public void updateCenter(NDArray teacher) {
        try (NDManager tmp = manager.newSubManager()) {
            NDArray batchMean = teacher.stopGradient().mean(new int[] {0}, true);
            batchMean.attach(tmp);
            NDArray next = center.mul(centerMomentum).addi(batchMean.mul(1 - centerMomentum));
            next.attach(manager);
            center.close();
            center = next;
        }
    }

    /**
     * The very first batch sets the center to its mean outright. DINO starts from c = 0, which leaves the
     * first steps' teacher uncentred, sharp on whatever dimension the untrained network favours for every
     * image; the student fits that constant target and the run starts from a near-collapsed state.
     */
    private void seedCenter(NDArray teacher) {
        NDArray mean = teacher.stopGradient().mean(new int[] {0}, true);
        mean.attach(manager);
        center.close();
        center = mean;
        centerSeeded = true;
    }

    /** A copy of the center (1, K) in {@code target}. */
    public NDArray center(NDManager target) {
        return target.create(center.toFloatArray(), center.getShape());
    }

    public void save(DataOutputStream out) throws IOException {
        byte[] bytes = center.encode();
        out.writeInt(bytes.length);
        out.write(bytes);
        out.writeBoolean(centerSeeded);
    }

    public void load(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        NDArray loaded = NDArray.decode(manager, bytes);
        if (!loaded.getShape().equals(center.getShape()) || loaded.getDataType() != DataType.FLOAT32) {
            throw new IOException("center: expected float32 " + center.getShape() + ", got " + loaded.getDataType() + " " + loaded.getShape());
        }
        center.close();
        center = loaded;
        centerSeeded = in.readBoolean();
    }

    private void check(String field, NDArray logits, long rows) {
        if (!logits.getShape().equals(new Shape(rows, outDim))) {
            throw new IllegalArgumentException(field + ": expected (" + rows + ", " + outDim + "), got " + logits.getShape());
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
