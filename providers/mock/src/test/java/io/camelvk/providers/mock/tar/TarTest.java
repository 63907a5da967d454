package io.camelvk.providers.mock.tar;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.providers.mock.MockFixture;
import io.camelvk.providers.mock.RunningSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The mock's tar against the system's GNU tar, in both directions, as kubectl cp uses it. */
class TarTest {

  private static final String LONG_DIRECTORY = "d".repeat(60) + "/" + "e".repeat(60);

  /** Longer than ustar's name field: GNU tar writes an L entry for it, PAX a path record. */
  private static final String LONG_FILE = "f".repeat(106) + ".txt";

  @TempDir Path local;

  @RegisterExtension final MockFixture fixture = MockFixture.withBox();

  @Test
  void extractsWhatSystemTarWroteIntoTheDirectoryKubectlCpNames() throws Exception {
    Path source = sampleTree(local.resolve("src"));
    for (String format : List.of("ustar", "gnu", "pax")) {
      List<String> args = new ArrayList<>(List.of("-cf", "-", "--format=" + format));
      if (format.equals("ustar")) {
        args.add("--exclude=" + LONG_FILE);
      }
      args.addAll(List.of("-C", source.toString(), "."));
      byte[] archive = SystemTar.run(local, args.toArray(String[]::new));
      run("mkdir", "/tmp/" + format);
      extractInTheMock(archive, "/tmp/" + format);
      assertThat(catBytes("/tmp/" + format + "/bin.dat")).isEqualTo(binary());
      assertThat(catText("/tmp/" + format + "/nested/deeper/note.txt")).isEqualTo("deep\n");
      String longName = "/tmp/" + format + "/" + LONG_DIRECTORY + "/" + LONG_FILE;
      if (!format.equals("ustar")) {
        assertThat(catText(longName)).isEqualTo("long\n");
      }
    }
  }

  /**
   * {@code kubectl-cp-upload.tar} was written by Go's archive/tar exactly as kubectl v1.37.2's
   * makeTar writes it for {@code kubectl cp src pod:/tmp/src}: {@code tar.FileInfoHeader} with the
   * name replaced by the destination's, ustar headers, a PAX {@code path} record for the long name,
   * an empty directory as its own entry, no entries for the other directories.
   */
  @Test
  void extractsTheArchiveKubectlCpWrites() throws Exception {
    byte[] archive;
    try (var in = getClass().getResourceAsStream("kubectl-cp-upload.tar")) {
      archive = in.readAllBytes();
    }
    assertThat(run("test", "-d", "/tmp/src").awaitExit()).isEqualTo(1);
    extractInTheMock(archive, "/tmp");
    byte[] expected = new byte[3000];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = (byte) (i * 13);
    }
    assertThat(catBytes("/tmp/src/bin.dat")).isEqualTo(expected);
    assertThat(catText("/tmp/src/nested/deep/note.txt")).isEqualTo("deep\n");
    assertThat(catText("/tmp/src/" + "f".repeat(120) + ".txt")).isEqualTo("long\n");
    assertThat(run("test", "-d", "/tmp/src/empty").awaitExit()).isZero();
  }

  @Test
  void writesWhatSystemTarExtracts() throws Exception {
    sampleTree(local.resolve("src"));
    byte[] archive = SystemTar.run(local, "-cf", "-", "-C", local.resolve("src").toString(), ".");
    assertThat(fixture.feed(archive, "tar", "xf", "-", "-C", "/tmp").awaitExit()).isZero();

    RunningSession out = run("tar", "cf", "-", "/tmp");
    assertThat(out.awaitExit()).isZero();
    assertThat(out.err()).isEqualTo("tar: Removing leading `/' from member names\n");
    Path extracted = Files.createDirectory(local.resolve("out"));
    Files.write(local.resolve("pod.tar"), out.outBytes());
    SystemTar.run(extracted, "-xmf", local.resolve("pod.tar").toString());

    assertThat(Files.readAllBytes(extracted.resolve("tmp/bin.dat"))).isEqualTo(binary());
    assertThat(Files.readString(extracted.resolve("tmp/nested/deeper/note.txt")))
        .isEqualTo("deep\n");
    assertThat(Files.isDirectory(extracted.resolve("tmp/nested/empty"))).isTrue();
    assertThat(Files.readString(extracted.resolve("tmp/" + LONG_DIRECTORY + "/" + LONG_FILE)))
        .isEqualTo("long\n");
    assertThat(SystemTar.text(local, "-tf", local.resolve("pod.tar").toString()))
        .startsWith("tmp/\n");
  }

  @Test
  void copiesASingleFileUnderTheNameKubectlGivesIt() throws Exception {
    run("sh", "-c", "echo content > /tmp/single");
    RunningSession out = run("tar", "cf", "-", "tmp/single");
    Files.write(local.resolve("one.tar"), out.outBytes());
    assertThat(SystemTar.text(local, "-tf", "one.tar")).isEqualTo("tmp/single\n");
    assertThat(run("test", "-f", "/tmp/single").awaitExit()).isZero();
    assertThat(run("test", "-d", "/tmp/single").awaitExit()).isOne();
  }

  @Test
  void writesModesOwnerAndTheClocksTimeAsGnuTarListsThem() throws Exception {
    run("sh", "-c", "mkdir -p /srv/d; echo x > /srv/d/f");
    Files.write(local.resolve("meta.tar"), run("tar", "cf", "-", "srv/d").outBytes());
    assertThat(SystemTar.text(local, "--utc", "-tvf", "meta.tar").lines())
        .containsExactly(
            "drwxr-xr-x root/root         0 2026-11-25 10:00 srv/d/",
            "-rw-r--r-- root/root         2 2026-11-25 10:00 srv/d/f");
  }

  /**
   * A time after 2242 or an id above 2097151 does not fit ustar's octal fields: GNU tar writes it
   * in base 256, PAX as a record. The mock reads both (and has no use for either).
   */
  @Test
  void readsNumbersTooBigForOctalFields() throws Exception {
    Files.write(Files.createDirectories(local.resolve("big")).resolve("bin.dat"), binary());
    for (String format : List.of("gnu", "pax")) {
      byte[] archive =
          SystemTar.run(
              local,
              "-cf",
              "-",
              "--format=" + format,
              "--mtime=@99999999999",
              "--owner=big:3000000",
              "--mode=4755",
              "big");
      run("mkdir", "/" + format);
      extractInTheMock(archive, "/" + format);
      assertThat(catBytes("/" + format + "/big/bin.dat")).isEqualTo(binary());
    }
  }

  private static Path sampleTree(Path root) throws IOException {
    Files.createDirectories(root.resolve("nested/deeper"));
    Files.createDirectories(root.resolve("nested/empty"));
    Files.write(root.resolve("bin.dat"), binary());
    Files.writeString(root.resolve("nested/deeper/note.txt"), "deep\n");
    Path longDir = Files.createDirectories(root.resolve(LONG_DIRECTORY));
    Files.writeString(longDir.resolve(LONG_FILE), "long\n");
    return root;
  }

  /** Every byte value, and more than one block of them. */
  private static byte[] binary() {
    byte[] bytes = new byte[1300];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 7);
    }
    return bytes;
  }

  private byte[] catBytes(String path) {
    RunningSession cat = run("cat", path);
    assertThat(cat.awaitExit()).as(cat.err()).isZero();
    return cat.outBytes();
  }

  private String catText(String path) {
    return new String(catBytes(path), StandardCharsets.UTF_8);
  }

  private RunningSession run(String... command) {
    return fixture.run(command);
  }

  /** Extracts the archive with the mock's tar as kubectl cp runs it, and expects it to succeed. */
  private void extractInTheMock(byte[] archive, String directory) {
    RunningSession tar =
        fixture.feed(
            archive,
            "tar",
            "--no-same-permissions",
            "--no-same-owner",
            "-xmf",
            "-",
            "-C",
            directory);
    assertThat(tar.awaitExit()).as(tar.err()).isZero();
  }
}
