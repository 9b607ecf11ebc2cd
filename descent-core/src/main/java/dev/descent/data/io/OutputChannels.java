package dev.descent.data.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens the files a conversion writes: {@link #FILES} on disk; tests pass channels that fail
 * after some bytes, as a full disk does.
 */
@FunctionalInterface
public interface OutputChannels {
  OutputChannels FILES = file -> FileChannel.open(file, StandardOpenOption.CREATE_NEW,
      StandardOpenOption.READ, StandardOpenOption.WRITE);

  /** A new file, open to write and read back. */
  SeekableByteChannel open(Path file) throws IOException;
}
