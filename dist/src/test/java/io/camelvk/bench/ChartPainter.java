package io.camelvk.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Two panels as a PNG: pods Ready over time, and the create-to-Ready latency histogram. */
final class ChartPainter {

  private static final int WIDTH = 1200;
  private static final int HEIGHT = 500;
  private static final int MARGIN = 60;
  private static final int BINS = 40;
  private static final Color FLOOR = new Color(0x888888);
  private static final Color VK = new Color(0xD2691E);

  private ChartPainter() {}

  static void paint(List<RunResult> runs, String title, Path file) throws IOException {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(title, MARGIN, 25);
    int panel = WIDTH / 2;
    readyOverTime(g, runs, 0, panel);
    histogram(g, runs, panel, panel);
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }

  private static void readyOverTime(Graphics2D g, List<RunResult> runs, int x0, int width) {
    double maxT = runs.stream().mapToDouble(RunResult::allReadySeconds).max().orElse(1);
    int maxPods = runs.stream().mapToInt(RunResult::pods).max().orElse(1);
    axes(g, x0, width, "seconds (max " + round(maxT) + ")", "pods Ready (max " + maxPods + ")");
    for (int r = 0; r < runs.size(); r++) {
      List<Double> times = runs.get(r).readyAt();
      g.setColor(colour(runs.get(r)));
      g.setStroke(new BasicStroke(2));
      int px = x(x0, width, 0, maxT);
      int py = y(0, maxPods);
      for (int i = 0; i < times.size(); i++) {
        int nx = x(x0, width, times.get(i), maxT);
        int ny = y(i + 1, maxPods);
        g.drawLine(px, py, nx, ny);
        px = nx;
        py = ny;
      }
      g.drawString(name(runs.get(r)), x0 + MARGIN + 10, MARGIN + 20 + 16 * r);
    }
  }

  private static void histogram(Graphics2D g, List<RunResult> runs, int x0, int width) {
    double maxL = runs.stream().mapToDouble(r -> r.percentile(100)).max().orElse(1);
    int[][] counts = new int[runs.size()][BINS];
    int maxCount = 1;
    for (int r = 0; r < runs.size(); r++) {
      for (double latency : runs.get(r).latencies()) {
        int bin = Math.clamp((long) (latency / maxL * BINS), 0, BINS - 1);
        maxCount = Math.max(maxCount, ++counts[r][bin]);
      }
    }
    axes(
        g,
        x0,
        width,
        "create->Ready latency, s (max " + round(maxL) + ")",
        "pods (max " + maxCount + "/bin)");
    int plotWidth = width - 2 * MARGIN;
    int barWidth = Math.max(1, plotWidth / BINS / Math.max(1, runs.size()));
    for (int r = 0; r < runs.size(); r++) {
      g.setColor(colour(runs.get(r)));
      for (int b = 0; b < BINS; b++) {
        int h = (int) ((double) counts[r][b] / maxCount * (HEIGHT - 2 * MARGIN));
        int bx = x0 + MARGIN + b * plotWidth / BINS + r * barWidth;
        g.fillRect(bx, HEIGHT - MARGIN - h, barWidth, h);
      }
      g.drawString(name(runs.get(r)), x0 + MARGIN + 10, MARGIN + 20 + 16 * r);
    }
  }

  private static Color colour(RunResult run) {
    return run.mode().equals("floor") ? FLOOR : VK;
  }

  private static String name(RunResult run) {
    return run.mode() + " #" + run.index();
  }

  private static void axes(Graphics2D g, int x0, int width, String xLabel, String yLabel) {
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1));
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawLine(x0 + MARGIN, HEIGHT - MARGIN, x0 + width - MARGIN, HEIGHT - MARGIN);
    g.drawLine(x0 + MARGIN, MARGIN, x0 + MARGIN, HEIGHT - MARGIN);
    g.drawString(xLabel, x0 + MARGIN, HEIGHT - MARGIN + 30);
    g.drawString(yLabel, x0 + MARGIN, MARGIN - 8);
  }

  private static int x(int x0, int width, double value, double max) {
    return x0 + MARGIN + (int) (value / max * (width - 2 * MARGIN));
  }

  private static int y(double value, double max) {
    return HEIGHT - MARGIN - (int) (value / max * (HEIGHT - 2 * MARGIN));
  }

  static String round(double value) {
    return String.format(java.util.Locale.ROOT, "%.3f", value);
  }
}
