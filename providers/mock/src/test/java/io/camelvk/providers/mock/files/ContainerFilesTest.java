package io.camelvk.providers.mock.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContainerFilesTest {

  private final ContainerFiles files = new ContainerFiles();

  @Test
  void pathsResolveAgainstTheWorkingDirectoryWithoutDotsOrRepeatedSlashes() {
    assertThat(ContainerFiles.resolve("/srv", "a//b/./c")).isEqualTo("/srv/a/b/c");
    assertThat(ContainerFiles.resolve("/srv", "../../etc/x")).isEqualTo("/etc/x");
    assertThat(ContainerFiles.resolve("/srv", "/tmp/")).isEqualTo("/tmp");
    assertThat(ContainerFiles.resolve("/", ".")).isEqualTo("/");
  }

  @Test
  void aFileNeedsItsDirectoryAndDirectoriesListTheirChildren() {
    assertThat(files.write("/nope/f", bytes("x"), false)).isFalse();
    assertThat(files.mkdir("/a/b")).isFalse();
    assertThat(files.mkdirs("/a/b")).isTrue();
    assertThat(files.write("/a/b/f", bytes("1"), false)).isTrue();
    assertThat(files.write("/a/b/f", bytes("2"), true)).isTrue();
    assertThat(files.write("/a/b", bytes("x"), false)).as("a directory is in the way").isFalse();
    assertThat(files.mkdirs("/a/b/f/g")).as("a file is in the way").isFalse();

    assertThat(files.read("/a/b/f")).hasValueSatisfying(c -> assertThat(c).isEqualTo(bytes("12")));
    assertThat(files.list("/a")).containsExactly("b");
    assertThat(files.tree("/a")).containsExactly("/a", "/a/b", "/a/b/f");
    assertThat(files.list("/")).contains("a", "tmp", "root");
  }

  @Test
  void removingADirectoryRemovesEverythingUnderItButNeverTheRoot() {
    files.mkdirs("/a/b");
    files.write("/a/b/f", bytes("1"), false);
    files.mkdirs("/ab");
    files.remove("/a");
    assertThat(files.exists("/a/b/f")).isFalse();
    assertThat(files.exists("/a")).isFalse();
    assertThat(files.isDirectory("/ab")).as("a sibling with the same prefix").isTrue();
    files.remove("/");
    assertThat(files.isDirectory("/")).isTrue();
    assertThat(files.list("/")).isEmpty();
  }

  @Test
  void aMountedVolumeShowsAtItsPathFromItsSubPathAndARemountedTreeAtOnce() {
    ContainerFiles first = volumeWith("/conf/app.yaml", "one");
    ContainerFiles[] current = {first};
    files.mount("/etc/config", () -> current[0], "", true);
    files.mount("/srv/app.yaml", () -> first, "conf/app.yaml", true);

    assertThat(files.list("/etc")).contains("config");
    assertThat(files.isDirectory("/etc/config/conf")).isTrue();
    assertThat(files.read("/etc/config/conf/app.yaml")).contains(bytes("one"));
    assertThat(files.isFile("/srv/app.yaml")).isTrue();
    assertThat(files.list("/srv")).containsExactly("app.yaml");

    current[0] = volumeWith("/conf/app.yaml", "two");

    assertThat(files.read("/etc/config/conf/app.yaml")).contains(bytes("two"));
    assertThat(files.read("/srv/app.yaml")).contains(bytes("one"));
  }

  @Test
  void aReadOnlyMountRefusesEveryChangeAndAWritableOneIsShared() {
    ContainerFiles scratch = ContainerFiles.volume();
    ContainerFiles other = new ContainerFiles();
    files.mount("/etc/config", () -> volumeWith("/key", "v"), "", true);
    files.mount("/data", () -> scratch, "", false);
    other.mount("/cache", () -> scratch, "", false);

    assertThat(files.write("/etc/config/key", bytes("x"), false)).isFalse();
    assertThat(files.write("/etc/config/new", bytes("x"), false)).isFalse();
    assertThat(files.mkdir("/etc/config/d")).isFalse();
    assertThat(files.remove("/etc/config/key")).isFalse();
    assertThat(files.isReadOnly("/etc/config/key")).isTrue();
    assertThat(files.read("/etc/config/key")).contains(bytes("v"));

    assertThat(files.write("/data/f", bytes("shared"), false)).isTrue();
    assertThat(other.read("/cache/f")).contains(bytes("shared"));
    assertThat(files.tree("/data")).containsExactly("/data", "/data/f");
  }

  private static ContainerFiles volumeWith(String path, String content) {
    ContainerFiles volume = ContainerFiles.volume();
    volume.mkdirs(ContainerFiles.parent(path));
    volume.write(path, bytes(content), false);
    return volume;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
