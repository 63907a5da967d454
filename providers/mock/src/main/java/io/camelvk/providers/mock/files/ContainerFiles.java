package io.camelvk.providers.mock.files;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The file system of one mock container, in memory: files (absolute path to bytes) and directories.
 * A container starts with the directories every image has, so that {@code kubectl cp file
 * pod:/tmp/} finds {@code /tmp}. Volumes are mounted on it: a path under a mount is the volume's
 * (from its {@code subPath} on), and a read-only mount refuses every change. Thread-safe: several
 * sessions may share one container.
 */
public final class ContainerFiles {

  static final List<String> STANDARD_DIRECTORIES =
      List.of("/", "/bin", "/etc", "/home", "/root", "/tmp", "/usr", "/var");

  private final Map<String, byte[]> files = new TreeMap<>();
  private final Set<String> directories;
  private final List<Mount> mounts = new CopyOnWriteArrayList<>();

  /** A volume at {@code path}: the tree {@code volume} gives at each access, from {@code root}. */
  private record Mount(
      String path, Supplier<ContainerFiles> volume, String root, boolean readOnly) {}

  /** Where a path is: in which tree, under which path there, and whether it may change. */
  private record Location(ContainerFiles tree, String path, boolean readOnly) {}

  public ContainerFiles() {
    this(STANDARD_DIRECTORIES);
  }

  private ContainerFiles(Collection<String> directories) {
    this.directories = new TreeSet<>(directories);
  }

  /** A tree with only its root: a volume's. */
  public static ContainerFiles volume() {
    return new ContainerFiles(List.of("/"));
  }

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

  /**
   * Mounts a volume at {@code path} (its parents made as a container runtime makes them).
   *
   * @param volume the volume's tree at each access, so that a changed volume shows at once
   * @param subPath the path inside the volume that is mounted; empty for its root
   */
  public void mount(
      String path, Supplier<ContainerFiles> volume, String subPath, boolean readOnly) {
    String at = resolve("/", path);
    mkdirs(parent(at));
    mounts.add(new Mount(at, volume, resolve("/", subPath), readOnly));
    mounts.sort(Comparator.comparingInt((Mount m) -> m.path().length()).reversed());
  }

  public Optional<byte[]> read(String path) {
    Location at = locate(path);
    return at.tree().readHere(at.path());
  }

  public boolean isDirectory(String path) {
    Location at = locate(path);
    return at.tree().isDirectoryHere(at.path());
  }

  public boolean isFile(String path) {
    Location at = locate(path);
    return at.tree().isFileHere(at.path());
  }

  public boolean exists(String path) {
    return isFile(path) || isDirectory(path);
  }

  /** Whether the path is on a read-only mount. */
  public boolean isReadOnly(String path) {
    return locate(path).readOnly();
  }

  /**
   * Replaces (or, with {@code append}, extends) a file whose directory exists.
   *
   * @return false when the parent is no directory, the path is one, or it is read-only
   */
  public boolean write(String path, byte[] content, boolean append) {
    Location at = locate(path);
    return !at.readOnly() && at.tree().writeHere(at.path(), content, append);
  }

  /** Creates a directory whose parent exists; false when the parent is missing or it exists. */
  public boolean mkdir(String path) {
    if (exists(path) || !isDirectory(parent(path)) || isReadOnly(path)) {
      return false;
    }
    Location at = locate(path);
    return at.tree().addDirectoryHere(at.path());
  }

  /** Creates a directory and its missing parents; false when a file is in the way. */
  public boolean mkdirs(String path) {
    if (isDirectory(path)) {
      return true;
    }
    if (isFile(path) || isReadOnly(path) || !mkdirs(parent(path))) {
      return false;
    }
    Location at = locate(path);
    return at.tree().addDirectoryHere(at.path());
  }

  /** Removes a file, or a directory and everything in it; false when it is read-only. */
  public boolean remove(String path) {
    Location at = locate(path);
    if (at.readOnly()) {
      return false;
    }
    at.tree().removeHere(at.path());
    return true;
  }

  /** The names directly in a directory, sorted: its own and the mounts in it. */
  public List<String> list(String directory) {
    Location at = locate(directory);
    Set<String> names = new TreeSet<>(at.tree().listHere(at.path()));
    for (Mount mount : mounts) {
      if (!mount.path().equals("/") && parent(mount.path()).equals(directory)) {
        names.add(mount.path().substring(mount.path().lastIndexOf('/') + 1));
      }
    }
    return List.copyOf(names);
  }

  /** {@code path} and, for a directory, everything under it, parents before children. */
  public List<String> tree(String path) {
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

  private Location locate(String path) {
    for (Mount mount : mounts) {
      if (path.equals(mount.path()) || path.startsWith(mount.path() + "/")) {
        String rest = path.substring(mount.path().length());
        String inside = mount.root().equals("/") ? rest : mount.root() + rest;
        return new Location(
            mount.volume().get(), inside.isEmpty() ? "/" : inside, mount.readOnly());
      }
    }
    return new Location(this, path, false);
  }

  private synchronized Optional<byte[]> readHere(String path) {
    return Optional.ofNullable(files.get(path));
  }

  private synchronized boolean isDirectoryHere(String path) {
    return directories.contains(path);
  }

  private synchronized boolean isFileHere(String path) {
    return files.containsKey(path);
  }

  private synchronized boolean writeHere(String path, byte[] content, boolean append) {
    if (!directories.contains(parent(path)) || directories.contains(path)) {
      return false;
    }
    byte[] old = append ? files.getOrDefault(path, new byte[0]) : new byte[0];
    byte[] joined = new byte[old.length + content.length];
    System.arraycopy(old, 0, joined, 0, old.length);
    System.arraycopy(content, 0, joined, old.length, content.length);
    files.put(path, joined);
    return true;
  }

  private synchronized boolean addDirectoryHere(String path) {
    if (files.containsKey(path)) {
      return false;
    }
    directories.add(path);
    return true;
  }

  private synchronized void removeHere(String path) {
    files.remove(path);
    directories.remove(path);
    String prefix = path.equals("/") ? "/" : path + "/";
    files.keySet().removeIf(p -> p.startsWith(prefix));
    directories.removeIf(p -> p.startsWith(prefix));
    directories.add("/");
  }

  private synchronized List<String> listHere(String directory) {
    String prefix = directory.equals("/") ? "/" : directory + "/";
    Set<String> names = new TreeSet<>();
    Set<String> all = new TreeSet<>(files.keySet());
    all.addAll(directories);
    for (String path : all) {
      if (path.startsWith(prefix) && path.length() > prefix.length()) {
        String rest = path.substring(prefix.length());
        names.add(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
      }
    }
    return List.copyOf(names);
  }
}
