package io.camelvk.providers.mock.tar;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.providers.mock.MockFixture;
import io.camelvk.providers.mock.RunningSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What the mock's tar says, and how it exits, when things go wrong: in GNU tar's words. */
class TarErrorsTest {

  private static final int BLOCK = 512;

  @TempDir Path local;

  @RegisterExtension final MockFixture fixture = MockFixture.withBox();

  @Test
  void reportsMissingPathsBadArchivesAndUnknownOptionsAsGnuTarDoes() {
    RunningSession missing = fixture.run("tar", "cf", "-", "/none");
    assertThat(missing.awaitExit()).isEqualTo(Tar.FAILURE);
    assertThat(missing.err()).contains("tar: /none: Cannot stat: No such file or directory");

    byte[] text = "this is not a tar archive".repeat(40).getBytes(StandardCharsets.UTF_8);
    assertFails(text, "tar: This does not look like a tar archive\n");

    RunningSession option = fixture.run("tar", "--frobnicate", "-xf", "-");
    assertThat(option.awaitExit()).isEqualTo(Tar.FAILURE);
    assertThat(option.err()).contains("unrecognized option '--frobnicate'");

    RunningSession noDirectory = fixture.run("tar", "-xf", "-", "-C", "/nowhere");
    assertThat(noDirectory.awaitExit()).isEqualTo(Tar.FAILURE);
  }

  @Test
  void refusesMembersThatClimbOutOfTheDirectory() throws Exception {
    Files.writeString(Files.createDirectories(local.resolve("a")).resolve("x"), "x");
    byte[] archive =
        SystemTar.run(
            local, "-cf", "-", "--absolute-names", "--transform=s,^a/x,a/../../etc/x,", "a/x");
    RunningSession tar = fixture.feed(archive, "tar", "-xf", "-", "-C", "/tmp");
    assertThat(tar.awaitExit()).isEqualTo(Tar.FAILURE);
    assertThat(tar.err()).contains("Member name contains '..'");
    assertThat(fixture.run("test", "-e", "/etc/x").awaitExit()).isEqualTo(1);
  }

  /** Cut inside the first member's content, and inside the second member's header. */
  @Test
  void anArchiveThatEndsInsideAMemberOrAHeaderIsAnUnexpectedEof() throws Exception {
    byte[] archive = twoMembers();
    assertFails(Arrays.copyOf(archive, 700), "tar: Unexpected EOF in archive\n");
    assertFails(Arrays.copyOf(archive, 4 * BLOCK + 100), "tar: Unexpected EOF in archive\n");
  }

  @Test
  void aHeaderWithAWrongChecksumOrABrokenPaxRecordIsNamed() throws Exception {
    byte[] archive = twoMembers();
    archive[4 * BLOCK] ^= 1;
    assertFails(archive, "tar: This does not look like a tar archive\n");

    byte[] pax =
        SystemTar.run(local, "-cf", "-", "--format=pax", "--pax-option=comment=hello", "a/x");
    int record = indexOf(pax, " comment=".getBytes(StandardCharsets.US_ASCII));
    pax[record - 2] = 'x';
    assertFails(pax, "tar: Malformed extended header\n");
  }

  /** A Ctrl-C while tar reads the terminal ends tar as SIGINT would, not as a bad archive. */
  @Test
  void ctrlCWhileReadingTheArchiveIsAnInterruptNotABadArchive() {
    try (RunningSession sh = RunningSession.exec(fixture.provider(), MockFixture.BOX, true, "sh")) {
      sh.type("tar -xf - -C /tmp\r");
      sh.awaitOut("tar -xf - -C /tmp\r\n");
      sh.type("\u0003");
      sh.awaitOut("^C\r\n# ");
      sh.type("echo $?\r");
      assertThat(sh.awaitOut("130\r\n# ")).doesNotContain("tar:");
    }
  }

  /** Two members of 1300 bytes: headers at blocks 0 and 4, contents from blocks 1 and 5. */
  private byte[] twoMembers() throws Exception {
    Path dir = Files.createDirectories(local.resolve("a"));
    Files.write(dir.resolve("x"), new byte[1300]);
    Files.write(dir.resolve("y"), new byte[1300]);
    return SystemTar.run(local, "-cf", "-", "--format=ustar", "a/x", "a/y");
  }

  private void assertFails(byte[] archive, String error) {
    RunningSession tar = fixture.feed(archive, "tar", "-xf", "-", "-C", "/tmp");
    assertThat(tar.awaitExit()).isEqualTo(Tar.FAILURE);
    assertThat(tar.err()).startsWith(error);
  }

  private static int indexOf(byte[] data, byte[] wanted) {
    for (int i = 0; i + wanted.length <= data.length; i++) {
      if (Arrays.equals(data, i, i + wanted.length, wanted, 0, wanted.length)) {
        return i;
      }
    }
    throw new AssertionError("not found: " + new String(wanted, StandardCharsets.US_ASCII));
  }
}
