/// The stylesheet every page embeds: screen layout plus a print stylesheet whose content width (180 mm) fits
/// both A4 (210 mm) and US Letter (215.9 mm) paper with 12 mm margins.
enum HTMLStyle {
    static let css = """
    :root { color-scheme: light; }
    body { font: 14px/1.4 Helvetica, Arial, sans-serif; color: #1d1d1d; margin: 24px auto; max-width: 1180px;
      padding: 0 16px; background: #ffffff; }
    h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid #ccc; }
    h3 { font-size: 14px; margin: 16px 0 6px; }
    .meta { color: #555; margin: 0 0 12px; }
    table { border-collapse: collapse; margin: 6px 0 12px; font-size: 12px; }
    th, td { border: 1px solid #c8c8c8; padding: 3px 6px; text-align: left; vertical-align: top; }
    th { background: #f1f1f1; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
    .cat { display: inline-block; min-width: 2.6em; padding: 1px 5px; border-radius: 3px; color: #fff;
      font-weight: bold; text-align: center; }
    .bor { font-size: 18px; }
    figure { margin: 8px 0 16px; } figcaption { color: #555; font-size: 12px; }
    svg { max-width: 100%; height: auto; }
    ul.trace { margin: 2px 0 8px 18px; padding: 0; font-size: 12px; }
    .aspect { font-weight: bold; }
    table.gallery td { text-align: center; }
    table.gallery img { margin: 2px; height: auto; image-rendering: pixelated; vertical-align: top; }
    img.main { display: block; width: 256px; } img.thumb { display: inline-block; width: 84px; }
    footer { margin-top: 32px; color: #595959; font-size: 11px; }
    .provenance { color: #595959; font-size: 12px; margin: 0 0 12px; }
    .notice { background: #fff4d6; border-left: 4px solid #b07800; padding: 6px 10px; }
    details { margin: 12px 0; } summary { cursor: pointer; font-weight: bold; font-size: 15px; }
    table.printframe, table.printframe > tbody > tr > td { border: 0; padding: 0; margin: 0; font-size: inherit; }
    table.printframe { width: 100%; } table.printframe > thead { display: none; }
    td.driver { font-weight: bold; }
    .rule { font-weight: bold; } .source { color: #595959; }
    a { color: #1a5fa0; }
    @page { margin: 12mm; }
    @media print {
      body { margin: 0; max-width: 180mm; font-size: 10pt; padding: 0; }
      h2 { break-after: avoid; } figure, tr, .keep { break-inside: avoid; }
      thead { display: table-header-group; }
      /* Words are never broken across lines or pages: no hyphenation, no break inside a word. */
      body, th, td { hyphens: manual; overflow-wrap: normal; word-break: normal; }
      table { font-size: 7pt; max-width: 180mm; } svg { max-width: 180mm; }
      /* The subject and provenance head every printed page (a repeated table header). */
      table.printframe > thead { display: table-header-group; }
      td.running { font-size: 7.5pt; color: #333; border-bottom: 1px solid #999; padding: 0 0 2mm; }
      details::details-content { content-visibility: visible; display: block; }
      details > summary { list-style: none; } details > summary::-webkit-details-marker { display: none; }
      img.main { width: 100%; max-width: 42mm; } img.thumb { width: 30%; max-width: 14mm; }
      .noprint { display: none; }
      a { color: inherit; text-decoration: none; }
    }
    """
}
