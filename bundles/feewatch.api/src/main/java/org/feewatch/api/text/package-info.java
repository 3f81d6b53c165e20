/**
 * Byte-level checks of text encodings shared by the bundles that read case files, loan books and
 * pages: strict UTF-8 sequences and telling a Chinese Windows code page (GBK/GB18030) from UTF-8,
 * so that every reader says the same thing about the same file.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.feewatch.api.text;
