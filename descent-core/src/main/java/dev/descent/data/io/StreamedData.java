package dev.descent.data.io;

import java.util.List;
import java.util.Optional;

/** What a streaming pass learned, for dataset.json: the names, the image shape and the bytes it read. */
record StreamedData(List<String> featureNames, List<String> classNames, Optional<ImageShape> imageShape,
    long bytesRead) {}
