package org.finbridge.banking;

/**
 * Bounds on any XML file Finbridge reads. A file beyond them is refused before (size) or while (depth)
 * it is parsed, without building it in memory. Real camt files are a few megabytes and about 15 levels
 * deep; the defaults leave ample room for both.
 */
public record XmlLimits(long maxDocumentBytes, int maxDepth) {

    public static final XmlLimits DEFAULT = new XmlLimits(50L * 1024 * 1024, 64);

    public XmlLimits {
        if (maxDocumentBytes < 1 || maxDocumentBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxDocumentBytes must be between 1 and 2 GB: " + maxDocumentBytes);
        }
        if (maxDepth < 8 || maxDepth > 10_000) {
            throw new IllegalArgumentException("maxDepth must be between 8 and 10000: " + maxDepth);
        }
    }
}
