package io.camelvk.provider.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The names of the folders {@code providers/<name>/} that hold route files ({@code *.yaml}), in the
 * class path's directories and jars (jars list their folders, as jar tools write them).
 */
final class ClasspathRouteFolders {

  static final String ROOT = "providers";
  private static final Pattern ENTRY = Pattern.compile(ROOT + "/([^/]+)/[^/]+\\.yaml");

  private ClasspathRouteFolders() {}

  static Set<String> find(ClassLoader loader) {
    Set<String> names = new TreeSet<>();
    try {
      Enumeration<URL> roots = loader.getResources(ROOT);
      while (roots.hasMoreElements()) {
        URL root = roots.nextElement();
        switch (root.getProtocol()) {
          case "file" -> inDirectory(Path.of(root.toURI()), names);
          case "jar" -> inJar(((JarURLConnection) root.openConnection()).getJarFile(), names);
          default -> {}
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the providers on the classpath", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot list the providers on the classpath", e);
    }
    return names;
  }

  private static void inDirectory(Path root, Set<String> names) throws IOException {
    try (Stream<Path> folders = Files.list(root)) {
      for (Path folder : folders.filter(Files::isDirectory).toList()) {
        try (Stream<Path> files = Files.list(folder)) {
          if (files.anyMatch(f -> f.getFileName().toString().endsWith(".yaml"))) {
            names.add(folder.getFileName().toString());
          }
        }
      }
    }
  }

  private static void inJar(JarFile jar, Set<String> names) {
    Enumeration<JarEntry> entries = jar.entries();
    while (entries.hasMoreElements()) {
      Matcher matcher = ENTRY.matcher(entries.nextElement().getName());
      if (matcher.matches()) {
        names.add(matcher.group(1));
      }
    }
  }
}
