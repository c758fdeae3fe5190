package dev.lede.semantic;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtLoggingLevel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Loads ONNX Runtime's native libraries so that nothing is left behind. Left to itself, ONNX
 * Runtime unpacks 16.6 MB into a new folder of the temp directory at every start and leaves folders
 * there (issue 20). Here the two libraries are copied into a private folder of our own, loaded
 * from it (ONNX Runtime's {@code onnxruntime.native.path}), and deleted at once: on Linux and macOS
 * a loaded library stays mapped after its file is gone, so not even a killed process leaves
 * anything. Where a loaded file cannot be deleted (Windows), it is deleted at exit.
 */
final class OnnxNatives {
  private OnnxNatives() {}

  private static OrtEnvironment environment;

  /** The environment, with the natives loaded the first time. */
  static synchronized OrtEnvironment environment() {
    if (environment == null) {
      if (System.getProperty("onnxruntime.native.path") != null || platform() == null) {
        environment = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "lede");
      } else {
        environment = loadFromPrivateCopy();
      }
    }
    return environment;
  }

  private static OrtEnvironment loadFromPrivateCopy() {
    Path dir;
    try {
      dir = Files.createTempDirectory("lede-onnxruntime-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack ONNX Runtime: " + e.getMessage(), e);
    }
    String resources = "/ai/onnxruntime/native/" + platform() + "/";
    Path[] files = {dir.resolve(System.mapLibraryName("onnxruntime")), dir.resolve(System.mapLibraryName("onnxruntime4j_jni"))};
    try {
      for (Path f : files) {
        try (InputStream in = OrtEnvironment.class.getResourceAsStream(resources + f.getFileName())) {
          if (in == null) {
            throw new IllegalStateException("ONNX Runtime has no " + f.getFileName() + " for " + platform());
          }
          Files.copy(in, f, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      String before = System.getProperty("onnxruntime.native.path");
      System.setProperty("onnxruntime.native.path", dir.toString());
      java.util.Set<Path> theirsBefore = ownTempDirs(dir.getParent());
      try {
        return OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "lede");
      } finally {
        if (before == null) {
          System.clearProperty("onnxruntime.native.path");
        }
        // ONNX Runtime makes an empty folder of its own even when told where its libraries are, and
        // deletes it only at exit (so a killed process would leave it): it goes now.
        for (Path p : ownTempDirs(dir.getParent())) {
          if (!theirsBefore.contains(p)) {
            deleteOrLater(p);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack ONNX Runtime into " + dir + ": " + e.getMessage(), e);
    } finally {
      for (Path f : files) {
        deleteOrLater(f);
      }
      deleteOrLater(dir);
    }
  }

  /** The folders ONNX Runtime makes in the temp directory. */
  private static java.util.Set<Path> ownTempDirs(Path temp) {
    try (java.util.stream.Stream<Path> s = Files.list(temp)) {
      return s.filter(p -> p.getFileName().toString().startsWith("onnxruntime-java") && Files.isDirectory(p))
          .collect(java.util.stream.Collectors.toSet());
    } catch (IOException e) {
      return java.util.Set.of();
    }
  }

  private static void deleteOrLater(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      p.toFile().deleteOnExit();
    }
  }

  /** ONNX Runtime's name for this platform, or null when its jar has no library for it. */
  static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String a = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : null;
    if (a == null) {
      return null;
    }
    if (os.contains("linux")) {
      return "linux-" + a;
    }
    if (os.contains("mac") || os.contains("darwin")) {
      return "osx-" + a;
    }
    if (os.contains("windows") && a.equals("x64")) {
      return "win-x64";
    }
    return null;
  }
}
