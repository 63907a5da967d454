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

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
