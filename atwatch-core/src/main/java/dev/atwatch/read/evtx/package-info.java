/**
 * A native reader of Windows XML Event Log files ({@code .evtx}), written from libyal's format
 * description and Microsoft's BinXml specification (MS-EVEN6).
 *
 * <p>Layout: a 4 KiB file header ({@link dev.atwatch.read.evtx.FileHeader}), then 64 KiB chunks
 * ({@link dev.atwatch.read.evtx.ChunkParser}), each holding records whose payload is binary XML
 * ({@link dev.atwatch.read.evtx.BinXmlParser}). Records instantiate templates defined once per
 * chunk; {@link dev.atwatch.read.evtx.EventRenderer} substitutes the values, rendered as Windows
 * renders them ({@link dev.atwatch.read.evtx.ValueFormat}), into the event XML and the fields of a
 * {@link dev.atwatch.read.windows.WindowsEventRecord}.
 *
 * <p>The entry point is {@link dev.atwatch.read.evtx.EvtxReader}; {@link
 * dev.atwatch.read.evtx.RecordFilter} is the hook for a byte-level prefilter, with {@link
 * dev.atwatch.read.evtx.Utf16Literals} as a ready-made one.
 */
package dev.atwatch.read.evtx;
