import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites the class files of a jar built for Java 5 as Java 8 class files (version 52, with the
 * stack maps a version 50+ class must carry), in place. The JDK leaves pre-Java-6 classes out of
 * its class-data and ahead-of-time caches, so picocli's (built for Java 5) were loaded and verified
 * on every start-up: rewritten, `lede --help` and `lede search` use about 75 ms less CPU
 * (docs/benchmarks.md, issue 17). The bytecode is unchanged; only the version and stack maps are
 * new. The `./lede` launcher runs this with the JDK's own class-file API (JDK 25+, where the cache
 * exists), before the cache's training run, on the copy of the jar in cli/target/lib: the jar in
 * the Maven repository stays as published. Classes already at version 50 or later are kept as they
 * are, so a second run changes nothing.
 *
 * <p>Usage: {@code java ModernClassFiles.java JAR...}
 */
public final class ModernClassFiles {
  private static final int OLDEST_CACHED = ClassFile.JAVA_6_VERSION;

  public static void main(String[] args) throws Exception {
    for (String a : args) {
      rewrite(Path.of(a));
    }
  }

  static void rewrite(Path jar) throws Exception {
    Path tmp = jar.resolveSibling(jar.getFileName() + ".rewriting");
    int changed = 0;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
      // Stack maps need the class hierarchy: the jar's own classes and the JDK's.
      ClassFile cf = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
          ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.ofClassLoading(loader)
              .orElse(ClassHierarchyResolver.defaultResolver())));
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        byte[] bytes = in.readAllBytes();
        if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
          ClassModel model = cf.parse(bytes);
          if (model.majorVersion() < OLDEST_CACHED) {
            ClassTransform version = (b, element) -> {
              if (element instanceof ClassFileVersion) {
                b.withVersion(ClassFile.JAVA_8_VERSION, 0);
              } else {
                b.with(element);
              }
            };
            // Rebuilding every method body is what makes the API write stack maps for it.
            bytes = cf.transformClass(model, version.andThen(ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)));
            changed++;
          }
        }
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTime(e.getTime());
        out.putNextEntry(copy);
        out.write(bytes);
        out.closeEntry();
      }
    }
    if (changed == 0) {
      Files.delete(tmp);
      return;
    }
    // Licences such as picocli's (Apache-2.0) ask that changed files say so: the jar says it here.
    try (var fs = java.nio.file.FileSystems.newFileSystem(tmp)) {
      Files.writeString(fs.getPath("META-INF", "CHANGED-BY-LEDE.txt"), changed + " class files of this jar were rewritten by Lede's"
          + " launcher (cli/src/launcher/ModernClassFiles.java) from class-file version 49 to 52, with stack maps added,"
          + " so that the JDK can cache them; their bytecode is unchanged. The original is the published jar of the same name.\n");
    }
    Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
  }
}
