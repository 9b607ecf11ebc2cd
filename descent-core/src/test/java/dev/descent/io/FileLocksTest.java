package dev.descent.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class FileLocksTest {
  static final List<String> PROC_LOCKS = List.of(
      "1: FLOCK  ADVISORY  WRITE 27670 fe:00:2154529 0 EOF",
      "2: POSIX  ADVISORY  WRITE 31337 fe:00:77 0 EOF",
      "2: -> POSIX  ADVISORY  WRITE 4242 fe:00:77 0 EOF",
      "3: OFDLCK ADVISORY  READ  -1 00:06:77 0 EOF");

  @Test
  void findsTheHolderByDeviceAndInodeAndSkipsWaiters() {
    assertEquals(OptionalLong.of(31337), FileLocks.holder(PROC_LOCKS, 0xfe, 0, 77));
    assertEquals(OptionalLong.empty(), FileLocks.holder(PROC_LOCKS, 0, 6, 77), "an open-file-description lock has no pid (-1)");
    assertEquals(OptionalLong.empty(), FileLocks.holder(PROC_LOCKS, 0xfe, 0, 78));
  }
}
