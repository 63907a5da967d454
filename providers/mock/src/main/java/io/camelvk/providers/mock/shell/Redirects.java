package io.camelvk.providers.mock.shell;

import io.camelvk.providers.mock.files.ContainerFiles;
import io.camelvk.providers.mock.process.Stdio;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The redirections of one command: {@code > file} and {@code 2> file} replace the file with what
 * the command writes (when it ends), {@code >> file} appends, {@code < file} reads it, {@code 2>&1}
 * and {@code >&2} send one output to the other. {@code /dev/null} discards or is empty.
 */
final class Redirects {

  static final String DEV_NULL = "/dev/null";

  private final ContainerFiles files;
  private final String cwd;
  private final List<Runnable> pendingWrites = new ArrayList<>();

  Redirects(ContainerFiles files, String cwd) {
    this.files = files;
    this.cwd = cwd;
  }

  /** The streams with one more redirection, or null (after saying why) when it cannot be made. */
  Stdio apply(String operator, String target, Stdio io) throws IOException {
    switch (operator) {
      case "2>&1" -> {
        return io.withErr(io.out());
      }
      case ">&2" -> {
        return io.withOut(io.err());
      }
      case "<" -> {
        InputStream in = input(target);
        if (in == null) {
          io.error("sh: can't open " + target + ": no such file");
        }
        return in == null ? null : io.withIn(in);
      }
      default -> {
        OutputStream out = output(target, operator.equals(">>"));
        if (out == null) {
          boolean readOnly = files.isReadOnly(ContainerFiles.resolve(cwd, target));
          io.error(
              "sh: can't create "
                  + target
                  + ": "
                  + (readOnly ? FileCommands.READ_ONLY : "nonexistent directory"));
          return null;
        }
        return operator.equals("2>") ? io.withErr(out) : io.withOut(out);
      }
    }
  }

  /** Stores what the redirected commands wrote. */
  void close() {
    pendingWrites.forEach(Runnable::run);
  }

  private InputStream input(String target) {
    if (target.equals(DEV_NULL)) {
      return InputStream.nullInputStream();
    }
    return files
        .read(ContainerFiles.resolve(cwd, target))
        .map(ByteArrayInputStream::new)
        .orElse(null);
  }

  private OutputStream output(String target, boolean append) {
    if (target.equals(DEV_NULL)) {
      return OutputStream.nullOutputStream();
    }
    String path = ContainerFiles.resolve(cwd, target);
    if (!files.write(path, new byte[0], append)) {
      return null;
    }
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    pendingWrites.add(() -> files.write(path, written.toByteArray(), true));
    return written;
  }
}
