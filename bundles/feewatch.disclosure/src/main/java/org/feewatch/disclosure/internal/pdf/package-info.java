/**
 * Text PDFs as pages the extractors read: Apache PDFBox (embedded in this bundle) gives each glyph
 * with its position and the page's drawn table rules; {@link org.feewatch.disclosure.internal.pdf.PdfLayout}
 * rebuilds lines, cells and table rows from them (a cell wrapped onto several lines inside one ruled row
 * is one cell), drops page headers, footers and page numbers, and
 * {@link org.feewatch.disclosure.internal.pdf.PdfPages} writes the result as positioned HTML cells, the
 * form the extractors already read from pdftohtml dumps. Scanned (image-only), password-protected and
 * damaged PDFs are refused with a one-line reason.
 */
package org.feewatch.disclosure.internal.pdf;
