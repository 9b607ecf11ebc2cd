package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code bench} lives in descent-bench, which this module's class path lacks: named, it is one
 * line saying where it is and how to run it, whatever its arguments; the help lists it as ever.
 * (descent-bench's tests run it with the module present.)
 */
class ModuleCommandTest {
  @Test
  void benchWithoutItsModuleSaysHowToRunIt() {
    Cli.Result r = Cli.run("bench", "gemm", "--quick");
    assertEquals(2, r.code(), r.err());
    assertEquals("bench is in the descent-bench module, which this class path lacks; run it as ./descent bench …, "
        + "which builds the module and adds it", r.error());
    assertEquals("", r.out());
  }

  @Test
  void theHelpListsBenchWhereItAlwaysWas() {
    Cli.Result r = Cli.run("--help");
    assertEquals(0, r.code(), r.err());
    int resume = r.out().indexOf("\n  resume ");
    int bench = r.out().indexOf("\n  bench ");
    int convert = r.out().indexOf("\n  convert ");
    assertTrue(resume > 0 && resume < bench && bench < convert, r.out());
    assertTrue(r.out().substring(bench).strip().replaceAll("\\s+", " ").startsWith("bench Measure Descent's speed"), r.out());
  }
}
