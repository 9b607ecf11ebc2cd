package dev.descent.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcStatusTest {
  private static final String STATUS = """
      Name:\tjava
      Umask:\t0022
      State:\tS (sleeping)
      VmPeak:\t 9123456 kB
      VmHWM:\t  712340 kB
      VmRSS:\t  650000 kB
      RssAnon:\t  210000 kB
      RssFile:\t  439000 kB
      RssShmem:\t    1000 kB
      Threads:\t27
      """;

  @Test
  void readsTheMemoryLinesInKib() {
    assertEquals(new ProcStatus(712_340, 650_000, 210_000, 439_000), ProcStatus.parse(STATUS));
  }

  @Test
  void aMissingLineIsMinusOne() {
    assertEquals(new ProcStatus(-1, 12, -1, -1), ProcStatus.parse("Name:\tx\nVmRSS:\t12 kB\n"));
  }

  @Test
  void aPrefixOfAnotherKeyIsNotTaken() {
    assertEquals(-1, ProcStatus.parse("RssAnonymous:\t5 kB\n").rssAnonKib());
  }

  @Test
  void aLineWithoutKbIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProcStatus.parse("VmHWM:\t12 MB\n"));
    assertEquals("status line 'VmHWM:\t12 MB': expected a size in kB", e.getMessage());
  }

  @Test
  void thisProcessReportsItsOwnMemoryOnLinux() {
    if (System.getProperty("os.name").equals("Linux")) {
      ProcStatus self = ProcStatus.self();
      assertTrue(self.rssAnonKib() > 0 && self.vmHwmKib() >= self.vmRssKib(), self.toString());
    }
  }

  @Test
  void anEndedProcessHasNoStatus() {
    assertTrue(ProcStatus.of(Long.MAX_VALUE).isEmpty());
  }
}
