package io.camelvk.controlplane;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the directory of the control-plane binaries: an explicit directory, else the output of the
 * project's build script (which builds them into its cache the first time), else the default cache.
 */
public final class ControlPlaneBinaries {

  public static final String KUBERNETES_VERSION = "1.37.2";
  public static final List<String> NAMES =
      List.of("etcd", "kube-apiserver", "kube-scheduler", "kube-controller-manager", "kubectl");
  static final String DIR_PROPERTY = "vk.controlplane.bin";
  static final String DIR_ENV = "VK_CONTROL_PLANE_BIN";
  static final String SCRIPT_PROPERTY = "vk.controlplane.script";
  static final String SCRIPT_ENV = "VK_CONTROL_PLANE_SCRIPT";
  static final String CACHE_ENV = "VK_CONTROL_PLANE_CACHE";

  private final Path dir;

  private ControlPlaneBinaries(Path dir) {
    this.dir = dir;
  }

  public static ControlPlaneBinaries resolve() {
    String explicit = setting(DIR_PROPERTY, DIR_ENV);
    if (explicit != null) {
      return requireComplete(Path.of(explicit), "set by " + DIR_PROPERTY + "/" + DIR_ENV);
    }
    String script = setting(SCRIPT_PROPERTY, SCRIPT_ENV);
    if (script != null) {
      return requireComplete(runBuildScript(Path.of(script)), "printed by " + script);
    }
    return requireComplete(
        defaultCacheDir(), "the default cache; build it with scripts/control-plane-binaries.sh");
  }

  public Path dir() {
    return dir;
  }

  public Path binary(String name) {
    return dir.resolve(name);
  }

  static Path defaultCacheDir() {
    String root = System.getenv(CACHE_ENV);
    Path cache =
        root != null && !root.isBlank()
            ? Path.of(root)
            : HomeDirectory.resolve().resolve(".cache").resolve("camel-virtual-kubelet");
    return cache.resolve("k8s").resolve(KUBERNETES_VERSION + "-linux-amd64");
  }

  private static ControlPlaneBinaries requireComplete(Path dir, String origin) {
    List<String> missing = NAMES.stream().filter(n -> !Files.isExecutable(dir.resolve(n))).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "control-plane binaries " + missing + " are missing in " + dir + " (" + origin + ")");
    }
    return new ControlPlaneBinaries(dir);
  }

  /** Runs the build script, its progress on our stderr; its last stdout line is the directory. */
  private static Path runBuildScript(Path script) {
    try {
      Process process =
          new ProcessBuilder("bash", script.toString())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      String out =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      int code = process.waitFor();
      if (code != 0 || out.isEmpty()) {
        throw new IllegalStateException(
            script + " failed with exit code " + code + " (see its messages above)");
      }
      return Path.of(out.lines().reduce((first, second) -> second).orElseThrow());
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building the control plane", e);
    }
  }

  private static String setting(String property, String env) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(env);
    }
    return value == null || value.isBlank() ? null : value;
  }
}
