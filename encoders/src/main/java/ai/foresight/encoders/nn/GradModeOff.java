package ai.foresight.encoders.nn;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Turns libtorch's autograd recording off for the calling thread while a block runs (a plan, an optimiser's
 * in-place update), and back to what it was after.
 *
 * <p>Why: libtorch's grad mode is thread-local and on by default; DJL turns it off only on the thread that started
 * the engine. On any other thread (the server's plan worker) every operation touching the world model's parameters
 * records an autograd graph nobody uses. Measured here with the tiny model (20 alternating plans per side): the same
 * plan took 20-30% more CPU on a worker thread than on the main thread, and the same as the main thread once recording
 * was off. Planning with CEM needs no gradients. An optimiser's in-place update of a leaf parameter with recording
 * on fails outright ("a leaf Variable that requires grad is being used in an in-place operation"), so
 * {@code AdamW.step} runs inside one too: training then works from any thread.
 */
public final class GradModeOff implements AutoCloseable {
    private static final boolean PYTORCH = "PyTorch".equals(Engine.getInstance().getEngineName());

    private final boolean restore;

    private GradModeOff(boolean restore) {
        this.restore = restore;
    }

    /** Switches recording off on this thread until {@link #close()}. */
    public static GradModeOff enter() {
        if (!PYTORCH || !JniUtils.isGradMode()) {
            return new GradModeOff(false);
        }
        JniUtils.setGradMode(false);
        return new GradModeOff(true);
    }

    /** Whether libtorch records autograd graphs on this thread (false for other engines). */
    public static boolean recording() {
        return PYTORCH && JniUtils.isGradMode();
    }

    @Override
    public void close() {
        if (restore) {
            JniUtils.setGradMode(true);
        }
    }
}
