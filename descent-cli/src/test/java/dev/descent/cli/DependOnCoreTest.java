package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24: descent-core is a library people can depend on. The jar this build made is installed
 * with its POM and the parent POM into a <em>private</em> local repository, and a separate tiny
 * Maven project (test resources {@code consumer/}: an application and its test) is compiled and
 * its training run against it.
 *
 * <p>NOTE: the developer's {@code ~/.m2} is shared (other worktrees, other builds), so nothing of
 * {@code dev.descent} may be installed there. Maven 3.9's {@code maven.repo.local.tail} chains the
 * build's repository behind the private one, read-only: third-party artifacts and plugins come from
 * it without a copy and without a network ({@code -o}), while {@code dev.descent} comes from the
 * private head. Runs in {@code ./mvnw verify} (descent-core's jar is built before this module's
 * tests); skipped, saying why, where that jar is missing or stale or Maven cannot run.
 */
class DependOnCoreTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final boolean WINDOWS = System.getProperty("os.name").startsWith("Windows");

  @TempDir
  Path dir;

  @Test
  void aSeparateMavenProjectCompilesAndTrainsAgainstTheInstalledCore() throws Exception {
    String version = System.getProperty("descent.version", "0.1.0");
    Path jar = ROOT.resolve("descent-core/target/descent-core-" + version + ".jar");
    assumeTrue(Files.isRegularFile(jar), jar + " is not built: this test runs in ./mvnw verify (or after ./mvnw package)");
    assumeTrue(!olderThanClasses(jar), jar + " is older than descent-core's classes: run ./mvnw package first");
    Path mvnw = ROOT.resolve(WINDOWS ? "mvnw.cmd" : "mvnw");
    Path shared = Path.of(System.getProperty("descent.maven.repository",
        Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
    Path repository = dir.resolve("repository");
    Path project = copyConsumer(version);

    Result probe = maven(mvnw, dir, repository, shared, "--version");
    assumeTrue(probe.code == 0, "Maven is not runnable here (" + mvnw + " --version exited " + probe.code + "): "
        + probe.output.strip());

    String install = "org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file";
    Result parent = maven(mvnw, dir, repository, shared, install, "-Dfile=" + ROOT.resolve("pom.xml"),
        "-DpomFile=" + ROOT.resolve("pom.xml"));
    assertEquals(0, parent.code, parent.output);
    Result core = maven(mvnw, dir, repository, shared, install, "-Dfile=" + jar,
        "-DpomFile=" + ROOT.resolve("descent-core/pom.xml"));
    assertEquals(0, core.code, core.output);
    assertTrue(Files.isRegularFile(repository.resolve("dev/descent/descent-core/" + version + "/descent-core-" + version + ".jar")));

    Result build = maven(mvnw, project, repository, shared, "test");
    assertEquals(0, build.code, build.output);
    assertTrue(Files.isRegularFile(project.resolve("target/classes/demo/Moons.class")), build.output);
    String report = Files.readString(project.resolve("target/surefire-reports/TEST-demo.MoonsTest.xml"));
    assertTrue(report.contains("tests=\"1\"") && report.contains("failures=\"0\"") && report.contains("errors=\"0\""),
        report);
  }

  /**
   * The POM's url and scm are the project's public address, which a release must name: the release
   * profile refuses without it (the default is a reserved {@code .invalid} name), and accepts a real one.
   */
  @Test
  void aReleaseBuildNeedsTheProjectsPublicAddress() throws Exception {
    Path mvnw = ROOT.resolve(WINDOWS ? "mvnw.cmd" : "mvnw");
    Path shared = Path.of(System.getProperty("descent.maven.repository",
        Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
    Path repository = dir.resolve("repository");
    Result probe = maven(mvnw, ROOT, repository, shared, "--version");
    assumeTrue(probe.code == 0, "Maven is not runnable here: " + probe.output.strip());

    Result refused = maven(mvnw, ROOT, repository, shared, "-N", "validate", "-Prelease");
    assertTrue(refused.code != 0, refused.output);
    assertTrue(refused.output.contains("-Ddescent.url=https://"), refused.output);
    Result placeholder = maven(mvnw, ROOT, repository, shared, "-N", "validate", "-Prelease",
        "-Ddescent.url=https://descent.invalid/descent");
    assertTrue(placeholder.code != 0, placeholder.output);
    Result named = maven(mvnw, ROOT, repository, shared, "-N", "validate", "-Prelease",
        "-Ddescent.url=https://example.org/acme/descent");
    assertEquals(0, named.code, named.output);
  }

  private static boolean olderThanClasses(Path jar) throws IOException {
    FileTime built = Files.getLastModifiedTime(jar);
    try (Stream<Path> files = Files.walk(ROOT.resolve("descent-core/target/classes"))) {
      return files.filter(Files::isRegularFile).anyMatch(f -> {
        try {
          return Files.getLastModifiedTime(f).compareTo(built) > 0;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  /** The consumer project from the test resources, its POM given this build's version. */
  private Path copyConsumer(String version) throws IOException {
    Path from = Path.of("src/test/resources/consumer");
    Path to = dir.resolve("consumer");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.writeString(target, Files.readString(f).replace("DESCENT_VERSION", version));
        }
      }
    }
    return to;
  }

  private record Result(int code, String output) {}

  /** Maven offline, with {@code repository} as the local repository and {@code shared} read-only behind it. */
  private Result maven(Path mvnw, Path workDir, Path repository, Path shared, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(mvnw.toString(), "-B", "-o", "-q", "-ntp",
        "-Dmaven.repo.local=" + repository, "-Dmaven.repo.local.tail=" + shared));
    command.addAll(List.of(arguments));
    Path log = Files.createTempFile(dir, "maven", ".log");
    Process maven = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!maven.waitFor(120, TimeUnit.SECONDS)) {
      maven.destroyForcibly();
      return new Result(-1, "timed out after 120 s: " + String.join(" ", command) + "\n" + Files.readString(log));
    }
    return new Result(maven.exitValue(), String.join(" ", command) + "\n" + Files.readString(log, StandardCharsets.UTF_8));
  }
}
