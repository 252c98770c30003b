/**
 * The report's only style sheet. Print first: pages of A4 or US Letter (whichever the print dialog picks,
 * so no fixed `size`), numbered "Page N of M" in the page margin (CSS @page margin boxes, which Chromium
 * prints since version 131), every table at the page's width with long values wrapping, and each major
 * section starting a new page. On screen the same document reads as one column.
 */
export function reportCss(footer: string): string {
  // The footer is examiner text inside a CSS string inside <style>: quotes, backslashes and "<" (which could
  // close the style element) become CSS escapes, and line breaks become spaces.
  const footerText = footer.replace(/[\r\n]+/g, ' ').replace(/[\\"<>]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
  return `
@page{margin:16mm 14mm 18mm;@bottom-left{content:"${footerText}";font:8pt system-ui,sans-serif;color:#57606a}@bottom-right{content:"Page " counter(page) " of " counter(pages);font:8pt system-ui,sans-serif;color:#57606a}}
@page :first{@bottom-left{content:none}}
*{box-sizing:border-box}
body{font:10.5pt/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1f24;margin:2rem auto;max-width:48rem;padding:0 1rem}
h1{font-size:20pt;margin:0 0 .3rem}h2{font-size:14pt;border-bottom:2px solid #30363d;padding-bottom:.15rem;margin:0 0 .6rem}
h3{font-size:11.5pt;margin:1rem 0 .3rem}h4{font-size:10.5pt;margin:.6rem 0 .2rem}
p{margin:.3rem 0}
table{border-collapse:collapse;width:100%;margin:.4rem 0;table-layout:fixed}
th,td{border:1px solid #c9d1d9;padding:2px 5px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#f0f3f6;font-weight:600}
table.facts th{width:30%;font-weight:normal;color:#424a53}
.mono{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:8pt;word-break:break-all}
.muted{color:#57606a}
.sev{-webkit-print-color-adjust:exact;print-color-adjust:exact;display:inline-block;padding:0 5px;border-radius:3px;color:#fff;font-weight:600;font-size:8pt;text-transform:uppercase}
.sev-high{background:#b62324}.sev-medium{background:#bc4c00}.sev-low{background:#7d5a00}.sev-info{background:#57606a}
.risk-high,.risk-medium{color:#b62324;font-weight:600}.risk-low{color:#7d5a00}.risk-safe{color:#1a7f37}
.finding,.chain{border:1px solid #d0d7de;border-radius:4px;padding:.35rem .55rem;margin:.45rem 0;break-inside:avoid}
.chain ol{margin:.2rem 0;padding-left:1.2rem}.chain li{margin:.2rem 0}
.step-meta{font-size:8.5pt;color:#57606a}
.conf{font-weight:600}
.note{border-left:3px solid #0969da;padding-left:.5rem;white-space:pre-wrap}
pre{white-space:pre-wrap;overflow-wrap:anywhere;font:inherit;margin:.3rem 0}
section{break-before:page}section.cover{break-before:auto}
.cover h1{margin-top:3rem;font-size:24pt}
nav{break-before:page}nav ol{padding-left:1.4rem;font-size:12pt}nav li{margin:.15rem 0}
a{color:#0969da}
svg{max-width:100%;height:auto}
@media print{body{margin:0;max-width:none;padding:0}a{color:inherit;text-decoration:none}h2,h3,h4{break-after:avoid}tr{break-inside:avoid}}`;
}
