package dev.lede.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: the {@code ./lede} launcher's two start-up caches. It runs the real script in a copy of
 * the tree it expects (cli/target/lede-cli.jar made from this build's classes, lib/ from the test
 * class path, the sample corpus), so it trains both caches as after a build, then checks which cache
 * each command gets and that a missing, corrupt or stale cache gives the same answer, silently.
 * JDK 25+ only (the AOT cache); it is slow for a unit test (two training runs), so it is one test.
 */
class LauncherCacheTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path tmp;

  record Run(int code, String out, String err, String aotLog) {}

  @Test
  void readingCommandsGetTheReadCacheAndAnyMissingOrStaleCacheOnlyCostsTime() throws Exception {
    assumeTrue(Runtime.version().feature() >= 25, "the AOT cache needs JDK 25");
    assumeTrue(!System.getProperty("os.name").startsWith("Windows") && Files.isExecutable(Path.of("/bin/bash")));
    Path root = fakeTree();
    Path target = root.resolve("cli/target");
    Path index = tmp.resolve("idx");
    Path one = tmp.resolve("one.jsonl");
    Files.writeString(one, "{\"id\": \"x1\", \"headline\": \"Rail strike called off\", \"body\": \"The union called off the rail strike.\"}\n");

    // First use after a build: both caches are trained (one line on stderr), then the command runs with
    // the writing commands' cache.
    Run first = lede(root, "--index", index.toString(), "index", ROOT.resolve("sample-corpus").toString());
    assertTrue(first.err().startsWith("lede: preparing the start-up caches"), first.err());
    assertTrue(Files.isRegularFile(target.resolve("lede.aot")), "write cache trained: " + ls(target));
    assertTrue(Files.isRegularFile(target.resolve("lede-read.aot")), "read cache trained: " + ls(target));
    assertTrue(first.aotLog().contains("Opened AOT cache " + target.resolve("lede.aot")), first.aotLog());

    Run search = lede(root, "--index", index.toString(), "search", "rail", "strike", "--format", "json");
    assertEquals(0, search.code(), search.err());
    assertEquals("", search.err());
    assertTrue(search.out().contains("\"headline\" : \"Rail strike shuts most lines as talks stall\""), search.out());
    assertTrue(search.aotLog().contains("Opened AOT cache " + target.resolve("lede-read.aot")), search.aotLog());
    String answer = search.out();

    // `index` keeps the cache trained on indexing.
    Run write = lede(root, "--index", tmp.resolve("idx2").toString(), "index", one.toString());
    assertEquals(0, write.code(), write.err());
    assertTrue(write.aotLog().contains("Opened AOT cache " + target.resolve("lede.aot")), write.aotLog());

    // The read cache missing (its training failed): the other cache, the same answer.
    Files.delete(target.resolve("lede-read.aot"));
    Files.writeString(target.resolve("lede-read.aot.failed"), "");
    Run missing = lede(root, "--index", index.toString(), "search", "rail", "strike", "--format", "json");
    assertEquals(new Run(0, answer, "", ""), new Run(missing.code(), missing.out(), missing.err(), ""));
    assertTrue(missing.aotLog().contains("Opened AOT cache " + target.resolve("lede.aot")), missing.aotLog());

    // A cache the JVM cannot use (here: not a cache at all): the JVM runs without it, silently.
    Files.delete(target.resolve("lede-read.aot.failed"));
    Files.writeString(target.resolve("lede-read.aot"), "not a cache");
    Run corrupt = lede(root, "--index", index.toString(), "search", "rail", "strike", "--format", "json");
    assertEquals(new Run(0, answer, "", ""), new Run(corrupt.code(), corrupt.out(), corrupt.err(), ""));

    // A jar newer than the caches (a build the launcher did not run): they are dropped, not used. With
    // no sample corpus there is nothing to train on, so the run goes on without them.
    Files.delete(root.resolve("sample-corpus"));
    Files.setLastModifiedTime(target.resolve("lede-cli.jar"), FileTime.from(Instant.now().plusSeconds(60)));
    Run stale = lede(root, "--index", index.toString(), "search", "rail", "strike", "--format", "json");
    assertEquals(new Run(0, answer, "", ""), new Run(stale.code(), stale.out(), stale.err(), ""));
    assertFalse(Files.exists(target.resolve("lede.aot")), ls(target));
    assertFalse(Files.exists(target.resolve("lede-read.aot")), ls(target));
    assertFalse(stale.aotLog().contains("Opened AOT cache"), stale.aotLog());
  }

  /** Runs the copied launcher, its JVM logging which cache it opened to a file. */
  private Run lede(Path root, String... args) throws Exception {
    Path log = Files.createTempFile(tmp, "aot", ".log");
    List<String> command = new ArrayList<>(List.of(root.resolve("lede").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("LEDE_"));
    env.put("LEDE_JAVA_OPTS", "-Xlog:aot=info:file=" + log);
    env.put("NO_COLOR", "1");
    Path out = tmp.resolve("out");
    Path err = tmp.resolve("err");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "launcher timed out");
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err), Files.readString(log));
  }

  /** The tree the launcher expects after a build: the script, cli/target with the jar and lib/, the stamps. */
  private Path fakeTree() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("tree"));
    Path target = Files.createDirectories(root.resolve("cli/target"));
    Path lib = Files.createDirectories(target.resolve("lib"));
    Files.copy(ROOT.resolve("lede"), root.resolve("lede"));
    root.resolve("lede").toFile().setExecutable(true);
    Files.createSymbolicLink(root.resolve("sample-corpus"), ROOT.resolve("sample-corpus"));
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path ownClasses = ROOT.resolve("cli/target/classes");
    List<String> libs = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      Path p = Path.of(entry).toAbsolutePath().normalize();
      String name = p.getFileName().toString();
      if (p.equals(ownClasses) || name.equals("test-classes") || name.startsWith("junit") || name.startsWith("opentest4j")
          || name.startsWith("apiguardian") || name.startsWith("surefire") || !Files.exists(p)) {
        continue;
      }
      if (Files.isDirectory(p)) {
        // a module of this build may be its classes directory (-pl cli -am): the cache takes only jars
        String jarName = p.getParent().getParent().getFileName() + "-classes.jar";
        jar(p, lib.resolve(jarName), null);
        libs.add("lib/" + jarName);
      } else {
        libs.add(p.toUri().toString()); // where it is: no copies of 150 MB of jars
      }
    }
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
    m.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", libs));
    jar(ownClasses, target.resolve("lede-cli.jar"), m);
    Files.writeString(target.resolve(".lede-jdk"), System.getProperty("java.home") + "\n");
    Files.writeString(target.resolve(".lede-jdk-major"), Runtime.version().feature() + "\n");
    Files.writeString(target.resolve(".lede-built"), "");
    return root;
  }

  private static void jar(Path dir, Path jar, Manifest manifest) throws IOException {
    try (OutputStream os = Files.newOutputStream(jar);
        JarOutputStream out = manifest == null ? new JarOutputStream(os) : new JarOutputStream(os, manifest);
        Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        String name = dir.relativize(f).toString().replace(File.separatorChar, '/');
        if (name.equals("META-INF/MANIFEST.MF")) {
          continue;
        }
        out.putNextEntry(new JarEntry(name));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
  }

  private static String ls(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList().toString();
    }
  }
}
