package io.camelvk.provider.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathRouteFoldersTest {

  @TempDir Path dir;

  @Test
  void aDirectoryOnTheClasspathGivesItsFoldersWithRouteFiles() throws Exception {
    Path classes = dir.resolve("classes");
    write(classes.resolve("providers/web/provider-web.yaml"));
    write(classes.resolve("providers/notes/README.md"));
    write(classes.resolve("providers/deep/more/provider-deep.yaml"));
    Files.createDirectories(classes.resolve("providers/empty"));

    assertThat(ClasspathRouteFolders.find(loader(classes))).containsExactly("web");
  }

  @Test
  void aJarOnTheClasspathGivesItsFoldersWithRouteFiles() throws Exception {
    Path jar = dir.resolve("queue.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String name :
          new String[] {
            "providers/",
            "providers/queue/",
            "providers/queue/provider-queue.yaml",
            "providers/notes/",
            "providers/notes/README.md"
          }) {
        out.putNextEntry(new JarEntry(name));
        if (!name.endsWith("/")) {
          out.write("- route: {}\n".getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
      }
    }

    assertThat(ClasspathRouteFolders.find(loader(jar))).containsExactly("queue");
  }

  @Test
  void directoriesAndJarsTogetherGiveEveryNameOnceSorted() throws Exception {
    Path one = dir.resolve("one");
    Path two = dir.resolve("two");
    write(one.resolve("providers/web/a.yaml"));
    write(two.resolve("providers/web/b.yaml"));
    write(two.resolve("providers/batch/c.yaml"));

    assertThat(ClasspathRouteFolders.find(loader(one, two))).containsExactly("batch", "web");
  }

  @Test
  void aClasspathWithoutProvidersGivesNone() {
    assertThat(ClasspathRouteFolders.find(loader(dir))).isEmpty();
  }

  /** A class loader of these entries alone. */
  private static ClassLoader loader(Path... entries) {
    URL[] urls = new URL[entries.length];
    for (int i = 0; i < entries.length; i++) {
      urls[i] = toUrl(entries[i]);
    }
    return new URLClassLoader(urls, null);
  }

  private static URL toUrl(Path entry) {
    try {
      return entry.toUri().toURL();
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write("- route: {}\n".getBytes(StandardCharsets.UTF_8));
    }
  }
}
