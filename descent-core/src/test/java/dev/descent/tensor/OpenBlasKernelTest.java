package dev.descent.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OpenBlasKernelTest {
  /** The flags line of a Zen 3 EPYC (AVX2, no AVX-512), cut to the interesting part. */
  private static final List<String> ZEN3 = List.of(
      "processor\t: 0",
      "vendor_id\t: AuthenticAMD",
      "model name\t: AMD EPYC",
      "flags\t\t: fpu vme sse sse2 ssse3 fma cx16 sse4_1 sse4_2 movbe popcnt aes xsave avx f16c rdrand avx2 bmi2 sha_ni",
      "processor\t: 1",
      "flags\t\t: fpu vme sse sse2 ssse3 fma cx16 sse4_1 sse4_2 movbe popcnt aes xsave avx f16c rdrand avx2 bmi2 sha_ni");
  /** A Skylake-SP Xeon's: the AVX-512 subsets OpenBLAS's SkylakeX kernels use, no bf16. */
  private static final List<String> SKYLAKE_SP = List.of(
      "model name\t: Intel(R) Xeon(R) Platinum 8175M CPU @ 2.50GHz",
      "flags\t\t: fpu sse2 fma avx avx2 avx512f avx512dq avx512cd avx512bw avx512vl");
  private static final Set<String> ZEN3_FLAGS = OpenBlasKernel.cpuFlags(ZEN3);
  private static final Set<String> SKYLAKE_SP_FLAGS = OpenBlasKernel.cpuFlags(SKYLAKE_SP);

  @Test
  void readsTheFirstFlagsLineWordByWord() {
    assertTrue(ZEN3_FLAGS.containsAll(List.of("avx2", "fma", "sha_ni", "fpu")), ZEN3_FLAGS.toString());
    assertFalse(ZEN3_FLAGS.contains("avx512f"));
    assertEquals(19, ZEN3_FLAGS.size());
    assertNull(OpenBlasKernel.cpuFlags(List.of("processor\t: 0", "model name\t: some CPU")));
  }

  @Test
  void asksForSkylakeXOnlyWhereTheCpuHasEveryAvx512SubsetItUses() {
    OpenBlasKernel.Request xeon = OpenBlasKernel.request(null, null, SKYLAKE_SP_FLAGS);
    assertEquals("SkylakeX", xeon.coreType());
    assertEquals("SkylakeX", xeon.coreType());
    assertEquals("Descent's choice for a CPU with AVX-512", xeon.reason());

    OpenBlasKernel.Request zen = OpenBlasKernel.request(null, null, ZEN3_FLAGS);
    assertNull(zen.coreType());
    assertNull(zen.coreType());
    assertEquals("OpenBLAS's detection", zen.reason());

    // avx512f alone (Knights Landing) is not enough for those kernels
    Set<String> partial = Set.of("avx2", "fma", "avx512f", "avx512cd");
    assertNull(OpenBlasKernel.request(null, null, partial).coreType());
    // flags unknown (not Linux): nothing chosen
    assertNull(OpenBlasKernel.request(null, "", null).coreType());
  }

  @Test
  void theUsersVariableWinsOverThePropertyAndTheCpuRule() {
    OpenBlasKernel.Request r = OpenBlasKernel.request("Haswell", "Zen", SKYLAKE_SP_FLAGS);
    assertEquals("Haswell", r.coreType());
    assertEquals("Haswell", r.coreType());
    assertEquals("OPENBLAS_CORETYPE=Haswell", r.reason());

    OpenBlasKernel.Request p = OpenBlasKernel.request(" ", "haswell", SKYLAKE_SP_FLAGS);
    assertEquals("haswell", p.coreType());
    assertEquals("descent.openblas.coretype=haswell", p.reason());

    // a name OpenBLAS may not know is passed on: OpenBLAS decides, and the report compares
    assertEquals("Bogus", OpenBlasKernel.request("Bogus", null, ZEN3_FLAGS).coreType());
  }

  @Test
  void dropsARequestForKernelsTheCpuCannotExecute() {
    OpenBlasKernel.Request r = OpenBlasKernel.request("SkylakeX", null, ZEN3_FLAGS);
    assertNull(r.coreType());
    assertNull(r.coreType(), "the variable must be removed before OpenBLAS reads it");
    assertEquals("OPENBLAS_CORETYPE=SkylakeX dropped: this CPU lacks avx512f, avx512bw, avx512vl, avx512dq, "
        + "which those kernels execute", r.reason());

    OpenBlasKernel.Request p = OpenBlasKernel.request(null, "cooperlake", SKYLAKE_SP_FLAGS);
    assertNull(p.coreType());
    assertEquals("descent.openblas.coretype=cooperlake ignored: this CPU lacks avx512_bf16, which those kernels "
        + "execute", p.reason());

    // unknown flags: nothing to check against, the user's word stands
    assertEquals("SkylakeX", OpenBlasKernel.request("SkylakeX", null, null).coreType());
  }

  @Test
  void applyingARequestThatChangesNothingCallsNoCLibrary() {
    OpenBlasKernel.Request keep = OpenBlasKernel.request("Haswell", null, ZEN3_FLAGS);
    assertEquals(keep, OpenBlasKernel.apply(keep, "Haswell"));
    OpenBlasKernel.Request detect = OpenBlasKernel.request(null, null, ZEN3_FLAGS);
    assertEquals(detect, OpenBlasKernel.apply(detect, null));
  }

  @Test
  void whereOpenBlasCannotBeAskedTheReportSaysWhy() {
    OpenBlasKernel.Report none = OpenBlasKernel.inUse(null);
    assertNull(none.kernel());
    assertEquals("no OpenBLAS shared library file among those JavaCPP loaded", none.whyNot());
    OpenBlasKernel.Report missing = OpenBlasKernel.inUse("/nonexistent/libopenblas.so.0");
    assertNull(missing.kernel());
    assertTrue(missing.whyNot().startsWith("cannot call OpenBLAS through JNA here: "), missing.whyNot());
    assertEquals(-1, OpenBlasKernel.threads("/nonexistent/libopenblas.so.0"));
  }

  private static boolean linuxX86() {
    return "Linux".equals(System.getProperty("os.name")) && "amd64".equals(System.getProperty("os.arch"));
  }

  @Test
  void anUntunedProcessKeepsItsEnvironmentAndSaysWhereAPropertyWasNotApplied() {
    assertEquals(new OpenBlasKernel.Request(null, "OpenBLAS's detection"), OpenBlasKernel.untouched(null, " "));
    assertEquals(new OpenBlasKernel.Request("Haswell", "OPENBLAS_CORETYPE=Haswell"), OpenBlasKernel.untouched("Haswell", null));
    assertEquals(new OpenBlasKernel.Request(null, "OpenBLAS's detection; descent.openblas.coretype=Zen not applied: the "
        + "process is not tuned (Blas.tuneProcess() or -Ddescent.blas.tune=true)"), OpenBlasKernel.untouched("", "Zen"));
  }

  /** In this JVM (tuned, as surefire starts it, like the command line): the kernel follows the rule, and the report names it. */
  @Test
  void theKernelInUseIsTheOneTheRuleAskedFor() {
    assumeTrue(linuxX86(), "the bundled OpenBLAS is checked on Linux x86-64 only");
    assertTrue(Blas.tuned(), "surefire's argLine has -Ddescent.blas.tune=true");
    Blas.tuneProcess();   // again, after the load: nothing to do
    String kernel = Blas.kernel().orElseThrow(() -> new AssertionError("no kernel name: " + Blas.describe()));
    Set<String> flags = OpenBlasKernel.cpuFlags();
    OpenBlasKernel.Request r = OpenBlasKernel.request(System.getenv("OPENBLAS_CORETYPE"),
        System.getProperty(OpenBlasKernel.PROPERTY), flags);
    if (r.coreType() != null) {
      assertTrue(kernel.equalsIgnoreCase(r.coreType()), kernel + " for " + r);
    }
    if (System.getenv("OPENBLAS_CORETYPE") == null && flags != null && flags.containsAll(
        List.of("avx512f", "avx512bw", "avx512vl", "avx512dq"))) {
      assertEquals("SkylakeX", kernel);
    }
    assertTrue(Blas.describe().contains("kernel " + kernel + " (" + r.reason() + ")"), Blas.describe());
    assertTrue(Blas.threads() >= 1, "threads " + Blas.threads());
  }

  /** A fresh JVM per request: OpenBLAS reads it once, when it loads. */
  private static List<String> childReport(Map<String, String> environment, String... javaOptions)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // a crash (the failure this test exists for) must not leave hs_err files in the project
    command.add("-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), "descent-kernel-test-hs_err_pid%p.log"));
    command.addAll(List.of(javaOptions));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), KernelReport.class.getName()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("OPENBLAS_CORETYPE");
    builder.environment().putAll(environment);
    Process child = builder.start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(child.waitFor(60, TimeUnit.SECONDS), output);
    assertEquals(0, child.exitValue(), output);
    return output.lines().toList();
  }

  private static double expectedTrace() {
    double sum = 0;
    for (int k = 0; k < 64 * 64; k++) {
      sum += (k % 7 - 3) * (k % 7 - 3);
    }
    return sum;
  }

  @Test
  void thePropertyChoosesTheKernelOfAProgramThatCannotSetItsEnvironment() throws Exception {
    assumeTrue(linuxX86(), "the bundled OpenBLAS is checked on Linux x86-64 only");
    Set<String> flags = OpenBlasKernel.cpuFlags();
    assumeTrue(flags != null && flags.containsAll(List.of("avx2", "fma")), "Haswell kernels need AVX2 and FMA");
    List<String> report = childReport(Map.of(), "-D" + Blas.TUNE_PROPERTY + "=true", "-D" + OpenBlasKernel.PROPERTY + "=Haswell");
    assertEquals("Haswell", report.get(0), String.join("\n", report));
    assertEquals(expectedTrace(), Double.parseDouble(report.get(1)));
    assertTrue(report.get(2).contains("kernel Haswell (descent.openblas.coretype=Haswell)"), report.get(2));
    assertTrue(report.get(2).endsWith("Java arrays in place (netlib JNI)"), report.get(2));
    assertEquals("Haswell", report.get(3));
    assertTrue(report.get(4).matches(".*/libopenblas[^/]*\\.so(\\.\\d+)*"), report.get(4));
    assertEquals("tuned", report.get(5));
  }

  /**
   * Issue 24: a program using the library, without asking, finds its environment and system
   * properties as it left them: no setenv (the C environment has no OPENBLAS_CORETYPE), no netlib
   * property (OpenBLAS gets staged copies), the kernel property reported as not applied.
   */
  @Test
  void aLibraryThatWasNotAskedLeavesItsProcessAsItFoundIt() throws Exception {
    assumeTrue(linuxX86(), "the bundled OpenBLAS is checked on Linux x86-64 only");
    List<String> report = childReport(Map.of(), "-D" + OpenBlasKernel.PROPERTY + "=Haswell");
    String all = String.join("\n", report);
    assertEquals(expectedTrace(), Double.parseDouble(report.get(1)), all);
    assertTrue(report.get(2).contains("(OpenBLAS's detection; descent.openblas.coretype=Haswell not applied: the process is "
        + "not tuned (Blas.tuneProcess() or -Ddescent.blas.tune=true))"), all);
    assertTrue(report.get(2).endsWith("operands staged in native buffers (process not tuned)"), all);
    assertEquals("null", report.get(3), all);
    assertEquals("null", report.get(4), all);
    assertEquals("Blas.tuneProcess(): OpenBLAS is loaded already, untuned; call it before the first matrix product (first "
        + "thing in main), or start the JVM with -Ddescent.blas.tune=true", report.get(5), all);
  }

  @Test
  void anAvx512KernelForcedOnACpuWithoutItIsDroppedInsteadOfStoppingTheJvm() throws Exception {
    assumeTrue(linuxX86(), "the bundled OpenBLAS is checked on Linux x86-64 only");
    Set<String> flags = OpenBlasKernel.cpuFlags();
    assumeTrue(flags != null && !flags.contains("avx512f"), "needs a CPU without AVX-512");
    List<String> report = childReport(Map.of("OPENBLAS_CORETYPE", "SkylakeX"), "-D" + Blas.TUNE_PROPERTY + "=true");
    assertNotEquals("SkylakeX", report.get(0), String.join("\n", report));
    assertEquals(expectedTrace(), Double.parseDouble(report.get(1)));
    assertTrue(report.get(2).contains("(OPENBLAS_CORETYPE=SkylakeX dropped: this CPU lacks avx512f"), report.get(2));
  }
}
