package ai.foresight.datasets.worlds;

import ai.foresight.datasets.image.Frame;
import java.util.ArrayList;
import java.util.List;

/** Draws PointMaze frames top-down: pale floor, dark wall cells (precomputed once), a red ball. */
final class PointMazeRenderer {
    static final int[] FLOOR = {225, 222, 205};
    static final int[] WALL = {50, 60, 90};
    static final int[] BALL = {215, 40, 40};

    private final int size;
    private final double scale;
    private final double ballRadius;
    private final byte[] background;

    PointMazeRenderer(MazeLayout maze, int size, double ballRadius) {
        this.size = size;
        this.scale = size / (double) Math.max(maze.rows(), maze.cols());
        this.ballRadius = ballRadius;
        this.background = new byte[size * size * 3];
        Raster raster = new Raster(background, size, size);
        raster.fill(FLOOR);
        List<double[]> cells = new ArrayList<>();
        for (int r = 0; r < maze.rows(); r++) {
            for (int c = 0; c < maze.cols(); c++) {
                if (maze.isWall(r, c)) {
                    cells.add(new double[] {c * scale, r * scale, (c + 1) * scale, (r + 1) * scale});
                }
            }
        }
        raster.fillDisjointRects(cells.toArray(new double[0][]), WALL);
    }

    /** A fresh frame with the ball centred at (x, y) maze units. */
    Frame render(double x, double y) {
        byte[] rgb = background.clone();
        new Raster(rgb, size, size).fillCircle(x * scale, y * scale, ballRadius * scale, BALL);
        return new Frame(size, size, rgb);
    }
}
