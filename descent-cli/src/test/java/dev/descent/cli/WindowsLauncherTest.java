package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: {@code descent.cmd} runs the jar as {@code descent} does. No Windows here to run it,
 * so its text is checked against the bash launcher's: the same JVM options (and the same one for
 * Java 23 and later), the build with Windows' OpenBLAS natives, CRLF line ends (cmd.exe misreads
 * labels in LF files).
 */
class WindowsLauncherTest {
  private static final Path BASH = Path.of("../descent");
  private static final Path CMD = Path.of("../descent.cmd");

  @Test
  void theWindowsLauncherPassesTheJvmOptionsOfTheBashOne() throws IOException {
    String bash = Files.readString(BASH);
    String cmd = Files.readString(CMD);
    Matcher bashOptions = Pattern.compile("\nopts=\\(([^)]*)\\)").matcher(bash);
    assertTrue(bashOptions.find(), "no opts=(…) in " + BASH);
    Matcher cmdOptions = Pattern.compile("\r\nset \"OPTS=([^\"]*)\"").matcher(cmd);
    assertTrue(cmdOptions.find(), "no set \"OPTS=…\" in " + CMD);
    assertEquals(List.of(bashOptions.group(1).strip().split("\\s+")), List.of(cmdOptions.group(1).strip().split("\\s+")));

    Matcher bashNew = Pattern.compile("-ge 23 .*\n\\s*opts\\+=\\(([^)]*)\\)").matcher(bash);
    assertTrue(bashNew.find(), "no option for Java 23+ in " + BASH);
    assertTrue(cmd.contains("if %JAVA_MAJOR% GEQ 23 set \"OPTS=%OPTS% " + bashNew.group(1).strip() + "\""), cmd);
    assertTrue(cmd.contains("java %OPTS% %JAVA_OPTS% -jar \"%JAR%\" %*\r\n"), cmd);
  }

  @Test
  void theWindowsLauncherBuildsWithWindowsNativesAndHasCrlfLineEnds() throws IOException {
    String cmd = Files.readString(CMD);
    assertTrue(cmd.contains("call mvnw.cmd -B -q -DskipTests -Djavacpp.platform=windows-x86_64 -pl descent-cli -am package"), cmd);
    assertEquals(cmd.split("\n", -1).length, cmd.split("\r\n", -1).length, "every line of descent.cmd must end in CRLF");
  }

  /** bench is in descent-bench: both launchers build that module and run the descent jar with its jar beside. */
  @Test
  void bothLaunchersRunBenchWithTheBenchModulesJar() throws IOException {
    String bash = Files.readString(BASH);
    String cmd = Files.readString(CMD);
    assertTrue(bash.contains("-pl descent-bench -am package") && bash.contains("-cp \"$jar:$bjar\" dev.descent.cli.Main \"$@\""), bash);
    assertTrue(cmd.contains("call mvnw.cmd -B -q -DskipTests -Djavacpp.platform=windows-x86_64 -pl descent-bench -am package"), cmd);
    assertTrue(cmd.contains("java %OPTS% %JAVA_OPTS% -cp \"%JAR%;%BJAR%\" dev.descent.cli.Main %*\r\n"), cmd);
  }
}
