/**
 * The HTML report's only style sheet, inline. System fonts only: the report loads nothing.
 * Severity colours come from one custom property per `sev-*` class.
 */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1c2430; --muted: #5b6675; --line: #d5dbe3; --sev: #5b6675; }
* { box-sizing: border-box; }
body {
  margin: 0;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: var(--ink);
  background: #f5f7fa;
}
header, main { max-width: 1180px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 20px; }
h1 { margin: 0 0 4px; font-size: 24px; }
h2 {
  margin: 32px 0 12px;
  font-size: 19px;
  border-bottom: 2px solid var(--line);
  padding-bottom: 4px;
}
h3 {
  margin: 0 0 8px;
  font-size: 16px;
  display: flex;
  flex-wrap: wrap;
  gap: 8px;
  align-items: baseline;
}
h4 { margin: 12px 0 6px; font-size: 14px; }
nav a { margin-right: 14px; color: #1f5fa8; }
code { font: 13px/1.4 ui-monospace, Consolas, monospace; overflow-wrap: anywhere; }
code.item { display: inline-block; max-width: 100%; }
.generated, .note, .computer, .ref, .when { color: var(--muted); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 8px 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.sev-critical { --sev: #8e1b1b; }
.data-lost { border-left: 0.3rem solid #8e1b1b; padding: 0.4rem 0.6rem; font-weight: bold; }
.sev-high { --sev: #c0392b; }
.sev-medium { --sev: #b9770e; }
.sev-low { --sev: #2471a3; }
.sev-info { --sev: #6c7a89; }
.chip, .badge {
  display: inline-block;
  padding: 1px 8px;
  border-radius: 10px;
  color: #fff;
  background: var(--sev);
  font-weight: 600;
  font-size: 13px;
  text-transform: uppercase;
}
.chip { margin: 0 6px 4px 0; }
.finding {
  background: #fff;
  border: 1px solid var(--line);
  border-left: 6px solid var(--sev);
  border-radius: 6px;
  padding: 14px 18px;
  margin: 0 0 16px;
}
.kind { font-weight: 700; }
.why { margin: 0 0 8px; font-size: 15px; }
.beacon {
  display: grid;
  grid-template-columns: minmax(300px, 1fr) 2fr;
  gap: 16px;
  align-items: start;
}
figure { margin: 0; }
figcaption { color: var(--muted); font-size: 13px; }
.histogram { width: 100%; height: auto; background: #fbfcfd; border: 1px solid var(--line); }
.histogram .bar { fill: #2471a3; }
.histogram .median { stroke: #c0392b; stroke-width: 2; stroke-dasharray: 5 3; }
.histogram .median-label { fill: #c0392b; font-size: 12px; }
.histogram .axis line { stroke: #8a94a1; }
.histogram text { font: 11px system-ui, sans-serif; fill: var(--muted); }
.timeline { list-style: none; margin: 0; padding: 0 0 0 18px; border-left: 3px solid var(--line); }
.step {
  position: relative;
  margin: 0 0 10px;
  padding-left: 8px;
  display: grid;
  grid-template-columns: max-content max-content 1fr;
  gap: 2px 10px;
}
.step::before {
  content: "";
  position: absolute;
  left: -26px;
  top: 4px;
  width: 13px;
  height: 13px;
  border-radius: 50%;
  background: var(--dot, #6c7a89);
  border: 2px solid #fff;
}
.step-process { --dot: #7d3c98; }
.step-dns { --dot: #2471a3; }
.step-network { --dot: #c0392b; }
.step-file { --dot: #b9770e; }
.step-kind { font-weight: 600; }
.step .summary { grid-column: 1 / -1; }
.step .ref { grid-column: 1 / -1; font-size: 12px; }
details.evidence summary { cursor: pointer; color: #1f5fa8; }
details.evidence ol {
  font: 12px/1.5 ui-monospace, Consolas, monospace;
  max-height: 320px;
  overflow: auto;
}
table { border-collapse: collapse; width: 100%; background: #fff; font-size: 13px; }
th, td {
  border: 1px solid var(--line);
  padding: 4px 8px;
  text-align: left;
  vertical-align: top;
  overflow-wrap: break-word;
}
td.number, td.time { white-space: nowrap; }
td.time { font-size: 12px; font-variant-numeric: tabular-nums; }
.table-scroll { overflow: auto; max-height: 80vh; border: 1px solid var(--line); }
.table-scroll thead th { position: sticky; top: 0; }
th { background: #eef1f5; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
footer {
  max-width: 1180px;
  margin: 32px auto;
  padding: 0 20px;
  color: var(--muted);
  font-size: 12px;
}
@media print {
  body { background: #fff; }
  .finding { break-inside: avoid; }
  details.evidence ol { max-height: none; }
  .table-scroll { overflow: visible; max-height: none; }
}
`;
