package io.camelvk.providers.mock.files;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The file system of one mock container, in memory: files (absolute path to bytes) and directories.
 * A container starts with the directories every image has, so that {@code kubectl cp file
 * pod:/tmp/} finds {@code /tmp}. Thread-safe: several sessions may share one container.
 */
public final class ContainerFiles {

  static final List<String> STANDARD_DIRECTORIES =
      List.of("/", "/bin", "/etc", "/home", "/root", "/tmp", "/usr", "/var");

  private final Map<String, byte[]> files = new TreeMap<>();
  private final Set<String> directories = new TreeSet<>(STANDARD_DIRECTORIES);

  /** {@code path} made absolute against {@code cwd}, without ".", ".." or repeated slashes. */
  public static String resolve(String cwd, String path) {
    Deque<String> parts = new ArrayDeque<>();
    String full = path.startsWith("/") ? path : cwd + "/" + path;
    for (String part : full.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(part);
      }
    }
    return "/" + String.join("/", parts);
  }

  public static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }

  public synchronized Optional<byte[]> read(String path) {
    return Optional.ofNullable(files.get(path));
  }

  public synchronized boolean isDirectory(String path) {
    return directories.contains(path);
  }

  public synchronized boolean isFile(String path) {
    return files.containsKey(path);
  }

  public synchronized boolean exists(String path) {
    return isFile(path) || isDirectory(path);
  }

  /**
   * Replaces (or, with {@code append}, extends) a file whose directory exists.
   *
   * @return false when the parent is no directory or the path is one
   */
  public synchronized boolean write(String path, byte[] content, boolean append) {
    if (!isDirectory(parent(path)) || isDirectory(path)) {
      return false;
    }
    byte[] old = append ? files.getOrDefault(path, new byte[0]) : new byte[0];
    byte[] joined = new byte[old.length + content.length];
    System.arraycopy(old, 0, joined, 0, old.length);
    System.arraycopy(content, 0, joined, old.length, content.length);
    files.put(path, joined);
    return true;
  }

  /** Creates a directory whose parent exists; false when the parent is missing or it exists. */
  public synchronized boolean mkdir(String path) {
    if (exists(path) || !isDirectory(parent(path))) {
      return false;
    }
    directories.add(path);
    return true;
  }

  /** Creates a directory and its missing parents; false when a file is in the way. */
  public synchronized boolean mkdirs(String path) {
    if (isDirectory(path)) {
      return true;
    }
    if (isFile(path) || !mkdirs(parent(path))) {
      return false;
    }
    directories.add(path);
    return true;
  }

  /** Removes a file, or a directory and everything in it. */
  public synchronized void remove(String path) {
    files.remove(path);
    directories.remove(path);
    String prefix = path.equals("/") ? "/" : path + "/";
    files.keySet().removeIf(p -> p.startsWith(prefix));
    directories.removeIf(p -> p.startsWith(prefix));
    directories.add("/");
  }

  /** The names directly in a directory, sorted. */
  public synchronized List<String> list(String directory) {
    String prefix = directory.equals("/") ? "/" : directory + "/";
    Set<String> names = new TreeSet<>();
    for (String path : union()) {
      if (path.startsWith(prefix) && path.length() > prefix.length()) {
        String rest = path.substring(prefix.length());
        names.add(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
      }
    }
    return List.copyOf(names);
  }

  /** {@code path} and, for a directory, everything under it, parents before children. */
  public synchronized List<String> tree(String path) {
    List<String> paths = new ArrayList<>();
    if (!exists(path)) {
      return paths;
    }
    paths.add(path);
    if (isDirectory(path)) {
      for (String name : list(path)) {
        paths.addAll(tree(path.equals("/") ? "/" + name : path + "/" + name));
      }
    }
    return paths;
  }

  private Set<String> union() {
    Set<String> all = new TreeSet<>(files.keySet());
    all.addAll(directories);
    return all;
  }
}
